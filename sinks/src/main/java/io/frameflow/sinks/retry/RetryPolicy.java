package io.frameflow.sinks.retry;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How often and how patiently a sink retries an operation against its server: at most {@code
 * maxAttempts} attempts in all (the first one included), waiting an exponentially growing, jittered
 * time between them.
 *
 * <p>The wait before retry {@code n} (1 for the second attempt) is drawn uniformly from {@code
 * [d/2, d]} with {@code d = min(maxBackoff, initialBackoff * 2^(n-1))} ("equal jitter"): it still
 * grows exponentially, yet many writers that lost the same server do not come back in lock step.
 *
 * <p>The key names ({@link #MAX_ATTEMPTS}, …) are those of the pipeline file, relative to the
 * sink's entry; validation messages name them.
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retry)
 * @param initialBackoff the wait before the first retry (before jitter), positive
 * @param maxBackoff the longest wait (before jitter), at least {@code initialBackoff}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff)
        implements Serializable {
    public static final String MAX_ATTEMPTS = "retry.max-attempts";
    public static final String INITIAL_BACKOFF = "retry.initial-backoff";
    public static final String MAX_BACKOFF = "retry.max-backoff";

    /** 8 attempts, 500 ms doubling to at most 30 s: about a minute of retries in all. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, INITIAL_BACKOFF);
        Objects.requireNonNull(maxBackoff, MAX_BACKOFF);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "'" + MAX_ATTEMPTS + "' must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException(
                    "'" + INITIAL_BACKOFF + "' must be a positive duration, got " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "'"
                            + MAX_BACKOFF
                            + "' ("
                            + maxBackoff
                            + ") must not be shorter than '"
                            + INITIAL_BACKOFF
                            + "' ("
                            + initialBackoff
                            + ")");
        }
    }

    /** This policy with {@code attempts} attempts in all. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff);
    }

    /**
     * The wait before retry {@code retry} (1 = before the second attempt), with {@code random}
     * giving uniform numbers in [0, 1) for the jitter.
     */
    public Duration backoff(int retry, DoubleSupplier random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        long initial = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        // doubling saturates at the cap, so a long outage cannot overflow the wait
        long ceiling = initial;
        for (int i = 1; i < retry && ceiling < max; i++) {
            ceiling = ceiling > max / 2 ? max : ceiling * 2;
        }
        ceiling = Math.min(ceiling, max);
        long half = ceiling / 2;
        return Duration.ofNanos(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
