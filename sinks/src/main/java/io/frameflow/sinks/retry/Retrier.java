package io.frameflow.sinks.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation under a {@link RetryPolicy}: a failure that {@code retryable} accepts is logged
 * (one WARN line per retry, naming the owner, the operation, the attempt and the cause) and the
 * operation is tried again after the policy's backoff; any other failure is rethrown at once; when
 * the attempts are used up, {@link RetriesExhaustedException} carries the last failure.
 *
 * <p>The operation itself restores what a failure broke (e.g. it reconnects when it finds its
 * connection closed): the retrier only decides whether and when to call it again. Not thread-safe;
 * meant for one writer's task thread, which it blocks while it waits.
 */
public final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** One attempt of an operation; {@code attempt} counts from 1. */
    @FunctionalInterface
    public interface Attempt<T, X extends Exception> {
        T run(int attempt) throws X;
    }

    /** How the retrier waits; tests may pass a recording sleeper. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final String owner;
    private final Predicate<? super Exception> retryable;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    // read by the metrics thread
    private volatile long retries;

    /**
     * A retrier that sleeps on the calling thread.
     *
     * @param policy attempts and backoff
     * @param owner names the component in log lines and errors, e.g. {@code postgres sink}
     * @param retryable which failures are worth another attempt (lost connections, timeouts);
     *     others are rethrown at once
     */
    public Retrier(RetryPolicy policy, String owner, Predicate<? super Exception> retryable) {
        this(
                policy,
                owner,
                retryable,
                d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** A retrier with its own way to wait and its own jitter source. */
    public Retrier(
            RetryPolicy policy,
            String owner,
            Predicate<? super Exception> retryable,
            Sleeper sleeper,
            DoubleSupplier random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.retryable = Objects.requireNonNull(retryable, "retryable");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Runs {@code attempt} until it succeeds, fails in a way that is not retryable (rethrown as
     * is), or has failed {@link RetryPolicy#maxAttempts()} times.
     *
     * @param operation what is being done, for log lines and errors, e.g. {@code write of 500 rows}
     * @throws RetriesExhaustedException after the last attempt failed retryably; its cause is that
     *     failure
     * @throws InterruptedException when interrupted while waiting (the job is being cancelled)
     */
    public <T, X extends Exception> T call(String operation, Attempt<T, X> attempt)
            throws X, RetriesExhaustedException, InterruptedException {
        for (int n = 1; ; n++) {
            try {
                return attempt.run(n);
            } catch (Exception e) {
                if (!retryable.test(e)) {
                    throw e;
                }
                if (n >= policy.maxAttempts()) {
                    throw new RetriesExhaustedException(owner, operation, n, e);
                }
                Duration wait = policy.backoff(n, random);
                retries++;
                LOG.warn(
                        "{}: {} failed (attempt {} of {}): {}; retrying in {} ms",
                        owner,
                        operation,
                        n,
                        policy.maxAttempts(),
                        RetriesExhaustedException.describe(e),
                        wait.toMillis());
                sleeper.sleep(wait);
            }
        }
    }

    /** Retries made so far by this retrier, over all calls (for metrics). */
    public long retries() {
        return retries;
    }

    public RetryPolicy policy() {
        return policy;
    }
}
