package io.frameflow.ingest.publish;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link VideoPublisher} sends packets. Immutable; every value is checked when set,
 * with a message naming the option (as on the command line), the value and what is valid.
 *
 * @param bootstrapServers Kafka's {@code host:port} list; option {@value #BOOTSTRAP}
 * @param topic the topic to write; option {@value #TOPIC}
 * @param maxRecordBytes the largest record to write; larger packets are split into chunks. At most
 *     the topic's {@code max.message.bytes}; option {@value #MAX_RECORD_BYTES}
 * @param realtime keep the source's pace (by PTS) instead of sending as fast as possible; option
 *     {@value #REALTIME}
 * @param brokerTimeout how long to wait for the broker (connection, metadata, a full send buffer)
 *     before failing
 */
public record PublisherOptions(
        String bootstrapServers,
        String topic,
        int maxRecordBytes,
        boolean realtime,
        Duration brokerTimeout) {

    public static final String BOOTSTRAP = "--bootstrap";
    public static final String TOPIC = "--topic";
    public static final String MAX_RECORD_BYTES = "--max-record-bytes";
    public static final String REALTIME = "--realtime";

    /** The default record limit: Kafka's default {@code max.message.bytes} is about 1 MB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    /** The smallest record limit: room for headers, parameter sets and some data. */
    public static final int MIN_RECORD_BYTES = 16 * 1024;

    public static final Duration DEFAULT_BROKER_TIMEOUT = Duration.ofSeconds(10);

    public PublisherOptions {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(
                    BOOTSTRAP + " is empty; expected HOST:PORT[,HOST:PORT...]");
        }
        if (topic == null || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException(
                    TOPIC
                            + " '"
                            + topic
                            + "' is not a valid Kafka topic name; use 1 to 249 of a-z A-Z 0-9 . _"
                            + " -");
        }
        if (maxRecordBytes < MIN_RECORD_BYTES) {
            throw new IllegalArgumentException(
                    MAX_RECORD_BYTES
                            + " "
                            + maxRecordBytes
                            + " is too small; use at least "
                            + MIN_RECORD_BYTES);
        }
        Objects.requireNonNull(brokerTimeout, "brokerTimeout");
        if (brokerTimeout.isNegative() || brokerTimeout.isZero()) {
            throw new IllegalArgumentException("broker timeout must be above 0: " + brokerTimeout);
        }
    }

    /** Records up to 1 MB, as fast as possible, 10 s for the broker to answer. */
    public static PublisherOptions of(String bootstrapServers, String topic) {
        return new PublisherOptions(
                bootstrapServers, topic, DEFAULT_MAX_RECORD_BYTES, false, DEFAULT_BROKER_TIMEOUT);
    }

    public PublisherOptions withMaxRecordBytes(int value) {
        return new PublisherOptions(bootstrapServers, topic, value, realtime, brokerTimeout);
    }

    public PublisherOptions withRealtime(boolean value) {
        return new PublisherOptions(bootstrapServers, topic, maxRecordBytes, value, brokerTimeout);
    }

    public PublisherOptions withBrokerTimeout(Duration value) {
        return new PublisherOptions(bootstrapServers, topic, maxRecordBytes, realtime, value);
    }
}
