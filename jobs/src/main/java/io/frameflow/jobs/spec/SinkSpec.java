package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code sinks}: a map with exactly one key naming the sink kind. */
public record SinkSpec(
        @JsonProperty("jsonl") JsonlSinkSpec jsonl, @JsonProperty("kafka") KafkaSinkSpec kafka) {}
