package io.frameflow.ingest.source;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a live stream (anything but a local file) survives outages and a slow pipeline. Immutable;
 * start from {@link #defaults()} and change what differs with the {@code with…} methods. Every
 * value is checked when it is set, with a message naming the key (as in pipeline files), the value
 * and what would be valid. Local files ignore these options: they never reconnect and never drop.
 *
 * @param initialDelay the wait before the first reconnect; key {@value #INITIAL_DELAY}
 * @param maxDelay the longest wait between reconnects; each failure in a row doubles the wait up to
 *     this; key {@value #MAX_DELAY}
 * @param maxAttempts connection attempts in a row that may fail before the stream goes {@link
 *     StreamState#FAILED}; 0 retries forever; key {@value #MAX_ATTEMPTS}
 * @param resetAfter a stream that has delivered frames for this long counts as recovered: its next
 *     failure starts again at the initial delay; key {@value #RESET_AFTER}
 * @param stallTimeout a connected stream that delivers no frame for this long is {@link
 *     StreamState#STALLED} and reconnected; key {@value #STALL_TIMEOUT}
 * @param buffer decoded frames waiting for the pipeline; when full, the oldest is dropped; key
 *     {@value #BUFFER}
 */
public record LiveStreamOptions(
        Duration initialDelay,
        Duration maxDelay,
        int maxAttempts,
        Duration resetAfter,
        Duration stallTimeout,
        int buffer)
        implements Serializable {

    public static final String INITIAL_DELAY = "reconnect.initial-delay";
    public static final String MAX_DELAY = "reconnect.max-delay";
    public static final String MAX_ATTEMPTS = "reconnect.max-attempts";
    public static final String RESET_AFTER = "reconnect.reset-after";
    public static final String STALL_TIMEOUT = "stall-timeout";
    public static final String BUFFER = "buffer";

    /** The largest frame buffer accepted: more only adds latency (and memory). */
    public static final int MAX_BUFFER = 1024;

    private static final long serialVersionUID = 1L;
    private static final Duration MAX_DURATION = Duration.ofHours(1);
    private static final LiveStreamOptions DEFAULTS =
            new LiveStreamOptions(
                    Duration.ofMillis(500),
                    Duration.ofSeconds(30),
                    0,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5),
                    4);

    public LiveStreamOptions {
        checkDuration(INITIAL_DELAY, initialDelay);
        checkDuration(MAX_DELAY, maxDelay);
        checkDuration(RESET_AFTER, resetAfter);
        checkDuration(STALL_TIMEOUT, stallTimeout);
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw invalid(
                    MAX_DELAY, maxDelay, "at least " + INITIAL_DELAY + " (" + initialDelay + ")");
        }
        if (maxAttempts < 0) {
            throw invalid(MAX_ATTEMPTS, maxAttempts, "0 (retry forever) or more");
        }
        if (buffer < 1 || buffer > MAX_BUFFER) {
            throw invalid(BUFFER, buffer, "1 to " + MAX_BUFFER + " frames");
        }
    }

    /**
     * Reconnect after 0.5 s, doubling up to 30 s, forever; recovered after 10 s of frames; stalled
     * after 5 s without a frame; 4 frames of buffer.
     */
    public static LiveStreamOptions defaults() {
        return DEFAULTS;
    }

    /** True when the stream retries forever. */
    public boolean retriesForever() {
        return maxAttempts == 0;
    }

    public LiveStreamOptions withInitialDelay(Duration value) {
        return new LiveStreamOptions(
                value, maxDelay, maxAttempts, resetAfter, stallTimeout, buffer);
    }

    public LiveStreamOptions withMaxDelay(Duration value) {
        return new LiveStreamOptions(
                initialDelay, value, maxAttempts, resetAfter, stallTimeout, buffer);
    }

    /** Both delays at once, so that neither order of setting them trips the range check. */
    public LiveStreamOptions withDelays(Duration initial, Duration max) {
        return new LiveStreamOptions(initial, max, maxAttempts, resetAfter, stallTimeout, buffer);
    }

    public LiveStreamOptions withMaxAttempts(int value) {
        return new LiveStreamOptions(
                initialDelay, maxDelay, value, resetAfter, stallTimeout, buffer);
    }

    public LiveStreamOptions withResetAfter(Duration value) {
        return new LiveStreamOptions(
                initialDelay, maxDelay, maxAttempts, value, stallTimeout, buffer);
    }

    public LiveStreamOptions withStallTimeout(Duration value) {
        return new LiveStreamOptions(
                initialDelay, maxDelay, maxAttempts, resetAfter, value, buffer);
    }

    public LiveStreamOptions withBuffer(int value) {
        return new LiveStreamOptions(
                initialDelay, maxDelay, maxAttempts, resetAfter, stallTimeout, value);
    }

    private static void checkDuration(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero() || value.compareTo(MAX_DURATION) > 0) {
            throw invalid(key, value, "a duration above 0 and at most " + MAX_DURATION);
        }
    }

    private static IllegalArgumentException invalid(String key, Object value, String valid) {
        return new IllegalArgumentException(
                "invalid live stream option '" + key + "' = " + value + "; expected " + valid);
    }
}
