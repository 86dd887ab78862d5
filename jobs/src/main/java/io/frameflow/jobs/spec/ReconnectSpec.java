package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a live source reconnects after an outage; every key is optional.
 *
 * @param initialDelay the wait before the first reconnect
 * @param maxDelay the longest wait; each failure in a row doubles the wait up to this
 * @param maxAttempts failed connection attempts in a row before the stream fails; 0 = forever
 * @param resetAfter how long a stream must deliver frames to count as recovered
 */
public record ReconnectSpec(
        @JsonProperty("initial-delay") DurationValue initialDelay,
        @JsonProperty("max-delay") DurationValue maxDelay,
        @JsonProperty("max-attempts") Integer maxAttempts,
        @JsonProperty("reset-after") DurationValue resetAfter) {}
