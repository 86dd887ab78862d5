package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which frames of a stream are analysed; exactly one key is set.
 *
 * @param maxFps at most this many frames per second of stream time (fractions allowed)
 * @param every every n-th frame, by frame number
 * @param keyframesOnly only key frames; the others are not even decoded
 */
public record SampleSpec(
        @JsonProperty("max-fps") Double maxFps,
        @JsonProperty("every") Integer every,
        @JsonProperty("keyframes-only") Boolean keyframesOnly) {}
