package io.frameflow.sinks.kafka;

import io.frameflow.common.TrackEvent;
import io.frameflow.sinks.json.TrackEventJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One Kafka record per track event: key = stream id (UTF-8), so that a stream's events stay in
 * order in one partition; value = the JSON of {@link TrackEventJson}; header {@value
 * SchemaHeader#NAME} = {@value SchemaHeader#TRACK_EVENT}. The record timestamp is the event's
 * capture time when that is a wall-clock time, else (media time of a file) the producer's clock.
 */
public final class TrackEventKafkaSerializer implements KafkaRecordSerializationSchema<TrackEvent> {
    private static final long serialVersionUID = 1L;
    private static final List<Header> HEADERS = List.of(SchemaHeader.of(SchemaHeader.TRACK_EVENT));

    private final String topic;

    public TrackEventKafkaSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            TrackEvent event, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                RecordTimestamps.wallClockOrNull(event.timeMillis()),
                event.streamId().getBytes(StandardCharsets.UTF_8),
                TrackEventJson.toBytes(event),
                HEADERS);
    }

    /** The topic records are written to. */
    public String topic() {
        return topic;
    }
}
