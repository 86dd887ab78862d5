package io.frameflow.sinks.retry;

import java.io.Serializable;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a sink retries an operation against its server (connect, reconnect, write): at most {@code
 * maxAttempts} attempts in a row; the first runs at once, and before each further one the sink
 * waits {@code initialDelay}, doubled after every failure up to {@code maxDelay}, each wait varied
 * by a random ±{@value #JITTER_PERCENT}% so that many writers that lost one server do not all come
 * back in the same instant.
 *
 * @param maxAttempts attempts in a row before giving up, at least 1 (1: no retry)
 * @param initialDelay the wait after the first failure, above 0
 * @param maxDelay the longest wait, at least {@code initialDelay}
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay)
        implements Serializable {
    /** How far each wait varies around its nominal value, in percent. */
    public static final int JITTER_PERCENT = 20;

    private static final long serialVersionUID = 1L;

    /** Checks the values; messages name them {@code 'max-attempts'} and so on. */
    public RetryPolicy {
        check("", maxAttempts, initialDelay, maxDelay);
    }

    /**
     * A policy whose values are checked with messages that name them as keys under {@code
     * keyPrefix}, e.g. {@code 'retry.max-attempts' must be at least 1, got 0} for the prefix {@code
     * retry.}.
     */
    public static RetryPolicy of(
            String keyPrefix, int maxAttempts, Duration initialDelay, Duration maxDelay) {
        check(keyPrefix, maxAttempts, initialDelay, maxDelay);
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay);
    }

    private static void check(
            String keyPrefix, int maxAttempts, Duration initialDelay, Duration maxDelay) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "'" + keyPrefix + "max-attempts' must be at least 1, got " + maxAttempts);
        }
        if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException(
                    "'"
                            + keyPrefix
                            + "initial-delay' must be above 0, got "
                            + (initialDelay == null ? "nothing" : initialDelay.toMillis() + "ms"));
        }
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "'"
                            + keyPrefix
                            + "max-delay' must be at least '"
                            + keyPrefix
                            + "initial-delay' ("
                            + initialDelay.toMillis()
                            + "ms), got "
                            + (maxDelay == null ? "nothing" : maxDelay.toMillis() + "ms"));
        }
    }

    /**
     * The wait after {@code failures} failed attempts in a row (1 for the first failure): the
     * initial delay doubled {@code failures - 1} times, capped at the maximum, then varied by the
     * jitter.
     */
    public Duration delayAfter(int failures, RandomGenerator random) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        long initial = initialDelay.toNanos();
        long max = maxDelay.toNanos();
        // shifting by 62 or more would overflow; the cap is reached long before anyway
        int doublings = Math.min(failures - 1, 62);
        long nominal = initial > (max >> doublings) ? max : initial << doublings;
        double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER_PERCENT / 100.0;
        return Duration.ofNanos(Math.round(nominal * factor));
    }

    /**
     * Runs {@code attempt} until it succeeds or {@link #maxAttempts()} attempts in a row have
     * failed, sleeping with {@code sleeper} between attempts.
     *
     * @param what what is attempted, for the message, e.g. {@code connect to tcp://host:1883}
     * @return what the successful attempt returned
     * @throws RetriesExhaustedException after the last failure, with that failure as its cause
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    public <T> T run(String what, Attempt<T> attempt, Sleeper sleeper, RandomGenerator random)
            throws RetriesExhaustedException, InterruptedException {
        long started = System.nanoTime();
        for (int failures = 0; ; ) {
            try {
                return attempt.run(failures + 1);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failures++;
                if (failures >= maxAttempts) {
                    throw new RetriesExhaustedException(
                            what, failures, Duration.ofNanos(System.nanoTime() - started), e);
                }
                sleeper.sleep(delayAfter(failures, random));
            }
        }
    }

    /** One attempt; {@code number} counts from 1. Throws to report a failure worth retrying. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int number) throws Exception;
    }

    /** Waits between attempts; tests pass one that records the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

        void sleep(Duration duration) throws InterruptedException;
    }
}
