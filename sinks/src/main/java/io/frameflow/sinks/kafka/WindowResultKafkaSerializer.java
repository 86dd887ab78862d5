package io.frameflow.sinks.kafka;

import io.frameflow.common.WindowResult;
import io.frameflow.sinks.json.WindowResultJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One Kafka record per window firing: key = stream id (UTF-8), so that a stream's windows, and the
 * late revisions of a window, stay in order in one partition; value = the JSON of {@link
 * WindowResultJson}; header {@value SchemaHeader#NAME} = {@value SchemaHeader#WINDOW_RESULT}. The
 * record timestamp is the window's end when that is a wall-clock time, else (windows over a file's
 * media time) the producer's clock.
 */
public final class WindowResultKafkaSerializer
        implements KafkaRecordSerializationSchema<WindowResult> {
    private static final long serialVersionUID = 1L;
    private static final List<Header> HEADERS =
            List.of(SchemaHeader.of(SchemaHeader.WINDOW_RESULT));

    private final String topic;

    public WindowResultKafkaSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            WindowResult result, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                RecordTimestamps.wallClockOrNull(result.windowEndMillis()),
                result.streamId().getBytes(StandardCharsets.UTF_8),
                WindowResultJson.toBytes(result),
                HEADERS);
    }

    /** The topic records are written to. */
    public String topic() {
        return topic;
    }
}
