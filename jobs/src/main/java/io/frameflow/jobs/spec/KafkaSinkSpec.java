package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Kafka topic, one JSON record per analysed frame keyed by stream id.
 *
 * @param bootstrap comma-separated {@code host:port} list
 * @param topic the topic
 * @param delivery {@code at-least-once} (default) or {@code exactly-once}
 * @param deadLetterTopic where dead letters go as JSON records, keyed by stream; optional
 * @param windowsTopic where window results go (with analytics windows); optional
 * @param eventsTopic where track events go (with tracking); optional
 * @param transactionTimeout exactly-once: the transactions' timeout (default 15m); must exceed the
 *     checkpoint interval plus time to restart, and not exceed the broker's limit
 */
public record KafkaSinkSpec(
        @JsonProperty("bootstrap") String bootstrap,
        @JsonProperty("topic") String topic,
        @JsonProperty("delivery") Delivery delivery,
        @JsonProperty("dead-letter-topic") String deadLetterTopic,
        @JsonProperty("windows-topic") String windowsTopic,
        @JsonProperty("events-topic") String eventsTopic,
        @JsonProperty("transaction-timeout") DurationValue transactionTimeout) {

    /** A results topic and, optionally, a dead-letter topic. */
    public KafkaSinkSpec(
            String bootstrap, String topic, Delivery delivery, String deadLetterTopic) {
        this(bootstrap, topic, delivery, deadLetterTopic, null, null, null);
    }

    /** Delivery guarantee, as written in the pipeline file. */
    public enum Delivery {
        @JsonProperty("at-least-once")
        AT_LEAST_ONCE,
        @JsonProperty("exactly-once")
        EXACTLY_ONCE
    }
}
