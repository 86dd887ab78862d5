package io.frameflow.sinks.kafka;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.sinks.json.FrameResultJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One Kafka record per analysed frame: key = stream id (UTF-8), so that all results of a stream
 * land in one partition in order; value = the JSON of {@link FrameResultJson}. The record timestamp
 * is the frame's capture time when that is a wall-clock time; for files (media time, milliseconds
 * from the start of the file) it is left to the producer, because a 1970 timestamp would make the
 * broker's time-based retention delete the record at once. Header {@value SchemaHeader#NAME} =
 * {@value SchemaHeader#FRAME_RESULT}.
 */
public final class FrameResultKafkaSerializer
        implements KafkaRecordSerializationSchema<FrameResult> {
    private static final long serialVersionUID = 1L;
    private static final List<Header> HEADERS = List.of(SchemaHeader.of(SchemaHeader.FRAME_RESULT));

    private final String topic;

    public FrameResultKafkaSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            FrameResult result, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                result.timeSource() == TimeSource.MEDIA ? null : result.captureTimeMillis(),
                result.streamId().getBytes(StandardCharsets.UTF_8),
                FrameResultJson.toBytes(result),
                HEADERS);
    }

    /** The topic records are written to. */
    public String topic() {
        return topic;
    }
}
