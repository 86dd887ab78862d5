package io.frameflow.sinks.kafka;

import io.frameflow.common.DeadLetter;
import io.frameflow.sinks.json.DeadLetterJson;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One Kafka record per dead letter: key = stream id (UTF-8), value = the JSON of {@link
 * DeadLetterJson}, timestamp = when the problem happened. Keyed like the results, so that one
 * stream's dead letters stay in order in one partition.
 */
public final class DeadLetterKafkaSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public DeadLetterKafkaSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                letter.timeMillis() > 0 ? letter.timeMillis() : null,
                letter.streamId().getBytes(StandardCharsets.UTF_8),
                DeadLetterJson.toBytes(letter));
    }

    /** The topic records are written to. */
    public String topic() {
        return topic;
    }
}
