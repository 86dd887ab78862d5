package io.frameflow.ingest.source;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The waits between reconnects of one stream: the initial delay, doubled after each failure in a
 * row up to the maximum, each varied by a random ±{@value #JITTER_PERCENT}% so that many cameras
 * lost at once (a switch reboots) do not all come back in the same instant. Only the decode thread
 * of its stream uses it.
 */
final class ReconnectBackoff {
    static final int JITTER_PERCENT = 20;

    private final LiveStreamOptions options;
    private final RandomGenerator random;
    private int failures;

    ReconnectBackoff(LiveStreamOptions options, RandomGenerator random) {
        this.options = options;
        this.random = random;
    }

    /** Records a failed attempt and returns how long to wait before the next one. */
    Duration failed() {
        failures++;
        long initial = options.initialDelay().toNanos();
        long max = options.maxDelay().toNanos();
        // shift at most 62 places; the cap makes larger exponents pointless anyway
        int doublings = Math.min(failures - 1, 62);
        long base = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
        double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER_PERCENT / 100.0;
        return Duration.ofNanos(Math.round(base * factor));
    }

    /** Failed attempts since the last {@link #reset()}. */
    int failures() {
        return failures;
    }

    /** True when the failures in a row have reached the configured maximum. */
    boolean exhausted() {
        return !options.retriesForever() && failures >= options.maxAttempts();
    }

    /** The stream is healthy again: the next failure waits the initial delay. */
    void reset() {
        failures = 0;
    }
}
