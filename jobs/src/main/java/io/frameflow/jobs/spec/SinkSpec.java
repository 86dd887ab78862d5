package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** One entry of {@code sinks}: a map with exactly one key naming the sink kind. */
public record SinkSpec(
        @JsonProperty("jsonl") JsonlSinkSpec jsonl,
        @JsonProperty("kafka") KafkaSinkSpec kafka,
        @JsonProperty("postgres") PostgresSinkSpec postgres,
        @JsonProperty("mqtt") MqttSinkSpec mqtt,
        @JsonProperty("video") VideoSinkSpec video) {

    /** The sink kinds, as written in pipeline files. */
    static final List<String> KINDS = List.of("jsonl", "kafka", "postgres", "mqtt", "video");

    /** A JSON Lines or Kafka entry. */
    public SinkSpec(JsonlSinkSpec jsonl, KafkaSinkSpec kafka) {
        this(jsonl, kafka, null, null, null);
    }

    /** The kinds this entry sets, for messages. */
    List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        if (jsonl != null) {
            kinds.add("jsonl");
        }
        if (kafka != null) {
            kinds.add("kafka");
        }
        if (postgres != null) {
            kinds.add("postgres");
        }
        if (mqtt != null) {
            kinds.add("mqtt");
        }
        if (video != null) {
            kinds.add("video");
        }
        return kinds;
    }
}
