package io.frameflow.ingest.kafka;

import io.frameflow.common.PacketItem;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Builds the Flink Kafka source of an encoded-video topic: every record becomes a {@link
 * PacketItem} through {@link PacketRecordDeserializer}.
 *
 * <pre>{@code
 * KafkaSource<PacketItem> source =
 *         KafkaVideoSource.builder("localhost:9092", "cameras")
 *                 .group("frameflow-lobby")
 *                 .start(KafkaVideoSource.Start.COMMITTED)
 *                 .build();
 * }</pre>
 *
 * <p>Delivery: exactly-once into the job. The consumer reads with {@code
 * isolation.level=read_committed} (a transactional producer's aborted records never count); the
 * source's offsets are part of Flink's checkpoints and a restored job re-reads from them. The
 * offsets are also committed to the consumer group when a checkpoint completes, but only so that
 * {@link Start#COMMITTED} can resume a new job where the last one stopped, and so that lag shows in
 * Kafka tools; a restore never relies on them.
 */
public final class KafkaVideoSource {
    /** The largest record the consumer fetches in one piece; larger ones are still read. */
    static final int MAX_PARTITION_FETCH_BYTES = 8 << 20;

    /** Where a job starts reading a partition that its checkpoint does not cover. */
    public enum Start {
        /** The consumer group's committed offset, else the earliest offset (the default). */
        COMMITTED,
        /** The earliest offset still in the topic. */
        EARLIEST,
        /** The end of the topic: only packets published from now on. */
        LATEST;

        /** The name used in pipeline files, e.g. {@code committed}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        OffsetsInitializer initializer() {
            return switch (this) {
                case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
                case EARLIEST -> OffsetsInitializer.earliest();
                case LATEST -> OffsetsInitializer.latest();
            };
        }
    }

    private KafkaVideoSource() {}

    /** A builder for the source of {@code topic} at {@code bootstrap} ({@code host:port,…}). */
    public static Builder builder(String bootstrap, String topic) {
        return new Builder(bootstrap, topic);
    }

    /** Options of one Kafka video source; {@link #build()} checks them. */
    public static final class Builder {
        private final String bootstrap;
        private final String topic;
        private String group = "frameflow";
        private Start start = Start.COMMITTED;
        private final Set<String> streams = new LinkedHashSet<>();
        private final Properties properties = new Properties();
        private boolean untilLatest;

        private Builder(String bootstrap, String topic) {
            this.bootstrap = requireText("bootstrap", bootstrap);
            this.topic = requireText("topic", topic);
        }

        /** The consumer group (default {@code frameflow}): where offsets are committed. */
        public Builder group(String value) {
            group = requireText("group", value);
            return this;
        }

        /** Where to start without a checkpoint (default {@link Start#COMMITTED}). */
        public Builder start(Start value) {
            start = Objects.requireNonNull(value, "start");
            return this;
        }

        /** Reads only these streams (record keys); by default every stream in the topic. */
        public Builder streams(Set<String> ids) {
            streams.addAll(ids);
            return this;
        }

        /**
         * Makes the source finite: it reads each partition up to the offset that was the latest
         * when the job started, then ends, so a replay of recorded video ends by itself. By default
         * the source never ends and follows the topic.
         */
        public Builder untilLatest() {
            untilLatest = true;
            return this;
        }

        /** One more Kafka consumer property, e.g. security settings. */
        public Builder property(String key, String value) {
            properties.setProperty(key, value);
            return this;
        }

        public KafkaSource<PacketItem> build() {
            KafkaSourceBuilder<PacketItem> builder = KafkaSource.<PacketItem>builder();
            if (untilLatest) {
                builder.setBounded(OffsetsInitializer.latest());
            }
            return builder.setBootstrapServers(bootstrap)
                    .setTopics(topic)
                    .setGroupId(group)
                    .setStartingOffsets(start.initializer())
                    .setDeserializer(new PacketRecordDeserializer(streams))
                    .setProperties(properties)
                    .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                    .setProperty("commit.offsets.on.checkpoint", "true")
                    .setProperty(
                            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                            Integer.toString(MAX_PARTITION_FETCH_BYTES))
                    .build();
        }

        private static String requireText(String key, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(
                        "Kafka video source: '" + key + "' must not be empty, got '" + value + "'");
            }
            return value.strip();
        }
    }
}
