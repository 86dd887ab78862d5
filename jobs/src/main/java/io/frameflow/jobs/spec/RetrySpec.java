package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a sink retries when its server cannot be reached: {@code max-attempts} tries in all, waiting
 * from {@code initial-backoff}, doubling up to {@code max-backoff}, with jitter; then the job
 * fails.
 */
public record RetrySpec(
        @JsonProperty("max-attempts") Integer maxAttempts,
        @JsonProperty("initial-backoff") DurationValue initialBackoff,
        @JsonProperty("max-backoff") DurationValue maxBackoff) {}
