package io.frameflow.sinks.kafka;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;

/**
 * Results to Kafka topics as JSON records keyed by stream id: analysed frames ({@link
 * FrameResultKafkaSerializer}), window results ({@link WindowResultKafkaSerializer}), track events
 * ({@link TrackEventKafkaSerializer}) and dead letters ({@link DeadLetterKafkaSerializer}), each to
 * its own topic through its own sink built from one builder. Every record but the dead letters
 * carries the {@value SchemaHeader#NAME} header naming its JSON Schema. The sinks are Flink's
 * {@link KafkaSink}, wrapped so that a send error does not take the TaskManager down with it (see
 * {@link SafeCloseKafkaSink}).
 *
 * <p>Delivery, the same for every sink built here:
 *
 * <ul>
 *   <li><b>at-least-once</b> (default): records are flushed before each checkpoint completes; a
 *       restart may write again the records written since the last checkpoint. Consumers drop
 *       repeats by the record's identity (frame results: stream, seq, model; window results:
 *       stream, kind, window, area, label, keeping the highest revision; track events: stream,
 *       track, type, area, seq).
 *   <li><b>exactly-once</b> ({@link DeliveryGuarantee#EXACTLY_ONCE}): records are written in Kafka
 *       transactions committed when a checkpoint completes; consumers with {@code
 *       isolation.level=read_committed} see each record once, up to a checkpoint interval after it
 *       was written (consumers with the default {@code read_uncommitted} also see records of
 *       aborted transactions). A transaction stays open from one checkpoint until the next one
 *       completes, and after a failure until the restarted job commits it, so the {@linkplain
 *       Builder#transactionTimeout transaction timeout} must be above the checkpoint interval plus
 *       the time a restart takes (else the broker aborts it and its records are lost), and not
 *       above the broker's {@code transaction.max.timeout.ms} (else the producer cannot start).
 * </ul>
 */
public final class KafkaResultSink {
    /** Default transaction timeout: the broker's default {@code transaction.max.timeout.ms}. */
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    /**
     * Default time allowed for a restart (failure detection, rescheduling, restoring state, the
     * first checkpoint after it) when checking the transaction timeout.
     */
    public static final Duration DEFAULT_RESTART_ALLOWANCE = Duration.ofMinutes(5);

    /** Suffix of the transactional ids of the window-result sink. */
    public static final String WINDOWS_SUFFIX = "-windows";

    /** Suffix of the transactional ids of the track-event sink. */
    public static final String EVENTS_SUFFIX = "-events";

    /** Suffix of the transactional ids of the dead-letter sink. */
    public static final String DEAD_LETTERS_SUFFIX = "-dead-letters";

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private KafkaResultSink() {}

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; each {@code build…} method validates. */
    public static final class Builder {
        private String bootstrapServers;
        private String topic;
        private DeliveryGuarantee guarantee = DeliveryGuarantee.AT_LEAST_ONCE;
        private String transactionalIdPrefix = "frameflow";
        private Duration transactionTimeout = DEFAULT_TRANSACTION_TIMEOUT;
        private Duration checkpointInterval;
        private Duration restartAllowance = DEFAULT_RESTART_ALLOWANCE;
        private final Map<String, String> producerProperties = new LinkedHashMap<>();

        private Builder() {}

        /** Comma-separated {@code host:port} list. */
        public Builder bootstrapServers(String servers) {
            this.bootstrapServers = servers;
            return this;
        }

        /** The topic of frame results ({@link #build()}). */
        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder deliveryGuarantee(DeliveryGuarantee guarantee) {
            this.guarantee = Objects.requireNonNull(guarantee, "guarantee");
            return this;
        }

        /**
         * Prefix of transactional ids (exactly-once only); unique per job on a cluster. The sinks
         * of window results, track events and dead letters add {@link #WINDOWS_SUFFIX}, {@link
         * #EVENTS_SUFFIX} and {@link #DEAD_LETTERS_SUFFIX}, so all of them can run in one job.
         */
        public Builder transactionalIdPrefix(String prefix) {
            this.transactionalIdPrefix = prefix;
            return this;
        }

        /**
         * Kafka's {@code transaction.timeout.ms} (exactly-once only), default {@link
         * #DEFAULT_TRANSACTION_TIMEOUT}. Must be above checkpoint interval + restart allowance
         * (checked when {@link #checkpointInterval} is given) and not above the broker's {@code
         * transaction.max.timeout.ms} (checked by {@link KafkaSinkPreflight}).
         */
        public Builder transactionTimeout(Duration timeout) {
            this.transactionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The job's checkpoint interval. With exactly-once, the {@code build…} methods then check
         * that the transaction timeout is above it plus the restart allowance.
         */
        public Builder checkpointInterval(Duration interval) {
            this.checkpointInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Time allowed for a restart in the timeout check, default {@link
         * #DEFAULT_RESTART_ALLOWANCE}.
         */
        public Builder restartAllowance(Duration allowance) {
            this.restartAllowance = Objects.requireNonNull(allowance, "allowance");
            return this;
        }

        /**
         * A Kafka producer property, e.g. {@code compression.type=zstd}; also used by {@link
         * #preflight()} (security settings such as {@code security.protocol} and {@code
         * sasl.jaas.config} apply to both).
         */
        public Builder producerProperty(String key, String value) {
            if ("transaction.timeout.ms".equals(key)) {
                throw new IllegalArgumentException(
                        "kafka sink: set the transaction timeout with transaction-timeout, not as"
                                + " the producer property transaction.timeout.ms");
            }
            producerProperties.put(key, value);
            return this;
        }

        /** The sink of frame results to {@link #topic}, see {@link FrameResultKafkaSerializer}. */
        public Sink<FrameResult> build() {
            validate(topic, "topic");
            return sink(new FrameResultKafkaSerializer(topic), topic, transactionalIdPrefix);
        }

        /**
         * A sink of window results to {@code windowTopic} (see {@link
         * WindowResultKafkaSerializer}), with this builder's servers, guarantee and properties and
         * transactional ids ending in {@link #WINDOWS_SUFFIX}.
         */
        public Sink<WindowResult> buildForWindowResults(String windowTopic) {
            validate(windowTopic, "window-result topic");
            return sink(
                    new WindowResultKafkaSerializer(windowTopic),
                    windowTopic,
                    transactionalIdPrefix + WINDOWS_SUFFIX);
        }

        /**
         * A sink of track events to {@code eventTopic} (see {@link TrackEventKafkaSerializer}),
         * with this builder's servers, guarantee and properties and transactional ids ending in
         * {@link #EVENTS_SUFFIX}.
         */
        public Sink<TrackEvent> buildForTrackEvents(String eventTopic) {
            validate(eventTopic, "track-event topic");
            return sink(
                    new TrackEventKafkaSerializer(eventTopic),
                    eventTopic,
                    transactionalIdPrefix + EVENTS_SUFFIX);
        }

        /**
         * A sink of dead letters to {@code deadLetterTopic} (see {@link
         * DeadLetterKafkaSerializer}), with this builder's servers, guarantee and properties and
         * transactional ids ending in {@link #DEAD_LETTERS_SUFFIX}.
         */
        public Sink<DeadLetter> buildForDeadLetters(String deadLetterTopic) {
            validate(deadLetterTopic, "dead-letter topic");
            return sink(
                    new DeadLetterKafkaSerializer(deadLetterTopic),
                    deadLetterTopic,
                    transactionalIdPrefix + DEAD_LETTERS_SUFFIX);
        }

        /**
         * A startup check against the cluster with this builder's servers, client properties and
         * (for exactly-once) transaction timeout; call {@link KafkaSinkPreflight#check} with every
         * topic the job writes to before submitting it.
         */
        public KafkaSinkPreflight preflight() {
            validateServers();
            return KafkaSinkPreflight.of(bootstrapServers, producerProperties)
                    .transactionTimeout(
                            guarantee == DeliveryGuarantee.EXACTLY_ONCE
                                    ? transactionTimeout
                                    : null);
        }

        private void validate(String topicName, String what) {
            validateServers();
            if (topicName == null || !TOPIC.matcher(topicName).matches()) {
                throw new IllegalArgumentException(
                        "kafka sink: "
                                + what
                                + " '"
                                + topicName
                                + "' is not a valid Kafka topic name (1-249 of letters, digits,"
                                + " '.', '_', '-')");
            }
            if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
                TransactionTimeouts.check(transactionTimeout, checkpointInterval, restartAllowance);
            }
        }

        private void validateServers() {
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
        }

        private <T> Sink<T> sink(
                KafkaRecordSerializationSchema<T> serializer, String topicName, String idPrefix) {
            KafkaSinkBuilder<T> builder =
                    KafkaSink.<T>builder()
                            .setBootstrapServers(bootstrapServers)
                            .setRecordSerializer(serializer)
                            .setDeliveryGuarantee(guarantee);
            if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
                builder.setTransactionalIdPrefix(idPrefix);
                builder.setProperty(
                        "transaction.timeout.ms", String.valueOf(transactionTimeout.toMillis()));
            }
            producerProperties.forEach(builder::setProperty);
            return new SafeCloseKafkaSink<>(builder.build(), topicName);
        }
    }
}
