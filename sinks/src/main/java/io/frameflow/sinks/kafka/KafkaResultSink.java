package io.frameflow.sinks.kafka;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;

/**
 * Results to a Kafka topic, one JSON record per analysed frame keyed by stream id (see {@link
 * FrameResultKafkaSerializer}).
 *
 * <p>Delivery: <b>at-least-once</b> by default (records are flushed before each checkpoint
 * completes; a restart may repeat the records written since the last checkpoint — consumers can
 * drop repeats by (stream, seq, model)). With {@link DeliveryGuarantee#EXACTLY_ONCE} records are
 * written in Kafka transactions committed on checkpoints, and consumers with {@code
 * isolation.level=read_committed} see each record once, a checkpoint interval later.
 */
public final class KafkaResultSink {
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private KafkaResultSink() {}

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; {@link #build()} validates. */
    public static final class Builder {
        private String bootstrapServers;
        private String topic;
        private DeliveryGuarantee guarantee = DeliveryGuarantee.AT_LEAST_ONCE;
        private String transactionalIdPrefix = "frameflow";
        private final Map<String, String> producerProperties = new LinkedHashMap<>();

        private Builder() {}

        /** Comma-separated {@code host:port} list. */
        public Builder bootstrapServers(String servers) {
            this.bootstrapServers = servers;
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder deliveryGuarantee(DeliveryGuarantee guarantee) {
            this.guarantee = Objects.requireNonNull(guarantee, "guarantee");
            return this;
        }

        /** Prefix of transactional ids (exactly-once only); unique per job on a cluster. */
        public Builder transactionalIdPrefix(String prefix) {
            this.transactionalIdPrefix = prefix;
            return this;
        }

        /** A Kafka producer property, e.g. {@code compression.type=zstd}. */
        public Builder producerProperty(String key, String value) {
            producerProperties.put(key, value);
            return this;
        }

        public KafkaSink<FrameResult> build() {
            validate(topic, "topic");
            return sink(new FrameResultKafkaSerializer(topic), transactionalIdPrefix);
        }

        /**
         * A sink of dead letters to {@code deadLetterTopic}, with this builder's servers, delivery
         * guarantee and producer properties (see {@link DeadLetterKafkaSerializer}). Its
         * transactional ids get their own suffix, so it can run beside the results sink.
         */
        public KafkaSink<DeadLetter> buildForDeadLetters(String deadLetterTopic) {
            validate(deadLetterTopic, "dead-letter topic");
            return sink(
                    new DeadLetterKafkaSerializer(deadLetterTopic),
                    transactionalIdPrefix + "-dead-letters");
        }

        private void validate(String topicName, String what) {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException(
                        "kafka sink: 'bootstrap' must list at least one host:port");
            }
            for (String server : bootstrapServers.split(",")) {
                if (!server.strip().matches(".+:\\d{1,5}")) {
                    throw new IllegalArgumentException(
                            "kafka sink: bootstrap server '"
                                    + server.strip()
                                    + "' is not host:port");
                }
            }
            if (topicName == null || !TOPIC.matcher(topicName).matches()) {
                throw new IllegalArgumentException(
                        "kafka sink: "
                                + what
                                + " '"
                                + topicName
                                + "' is not a valid Kafka topic name (1-249 of letters, digits,"
                                + " '.', '_', '-')");
            }
        }

        private <T> KafkaSink<T> sink(
                KafkaRecordSerializationSchema<T> serializer, String idPrefix) {
            KafkaSinkBuilder<T> builder =
                    KafkaSink.<T>builder()
                            .setBootstrapServers(bootstrapServers)
                            .setRecordSerializer(serializer)
                            .setDeliveryGuarantee(guarantee);
            if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
                builder.setTransactionalIdPrefix(idPrefix);
                // must not exceed the broker's transaction.max.timeout.ms (15 min by default)
                builder.setProperty("transaction.timeout.ms", "900000");
            }
            producerProperties.forEach(builder::setProperty);
            return builder.build();
        }
    }
}
