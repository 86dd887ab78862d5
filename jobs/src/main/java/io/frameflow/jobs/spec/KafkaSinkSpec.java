package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Kafka topic, one JSON record per analysed frame keyed by stream id.
 *
 * @param bootstrap comma-separated {@code host:port} list
 * @param topic the topic
 * @param delivery {@code at-least-once} (default) or {@code exactly-once}
 * @param deadLetterTopic where dead letters go as JSON records, keyed by stream; optional
 */
public record KafkaSinkSpec(
        @JsonProperty("bootstrap") String bootstrap,
        @JsonProperty("topic") String topic,
        @JsonProperty("delivery") Delivery delivery,
        @JsonProperty("dead-letter-topic") String deadLetterTopic) {

    /** Delivery guarantee, as written in the pipeline file. */
    public enum Delivery {
        @JsonProperty("at-least-once")
        AT_LEAST_ONCE,
        @JsonProperty("exactly-once")
        EXACTLY_ONCE
    }
}
