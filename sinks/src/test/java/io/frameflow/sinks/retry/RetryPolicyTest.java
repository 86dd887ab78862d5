package io.frameflow.sinks.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final RetryPolicy POLICY =
            new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

    /** A generator that always returns the same double, to pin the jitter. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void waitsDoubleUpToTheMaximum() {
        List<Long> waits = new ArrayList<>();
        for (int failures = 1; failures <= 6; failures++) {
            waits.add(POLICY.delayAfter(failures, fixed(0.5)).toMillis());
        }
        assertThat(waits).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
        assertThat(POLICY.delayAfter(1_000, fixed(0.5))).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        assertThat(POLICY.delayAfter(2, fixed(0.0))).isEqualTo(Duration.ofMillis(160));
        assertThat(POLICY.delayAfter(2, fixed(1.0))).isEqualTo(Duration.ofMillis(240));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            long millis = POLICY.delayAfter(5, random).toMillis();
            assertThat(millis).isBetween(800L, 1200L);
        }
    }

    @Test
    void runRetriesUntilAnAttemptSucceeds() throws Exception {
        List<Duration> slept = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String result =
                POLICY.run(
                        "connect",
                        n -> {
                            numbers.add(n);
                            if (n < 3) {
                                throw new IOException("refused " + n);
                            }
                            return "ok";
                        },
                        slept::add,
                        fixed(0.5));
        assertThat(result).isEqualTo("ok");
        assertThat(numbers).containsExactly(1, 2, 3);
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void runGivesUpAfterTheLastAttemptWithTheLastCause() {
        List<Duration> slept = new ArrayList<>();
        RetryPolicy three = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10));
        assertThatThrownBy(
                        () ->
                                three.run(
                                        "connect to tcp://h:1883",
                                        n -> {
                                            throw new IOException(
                                                    "attempt " + n,
                                                    new IOException("Connection refused"));
                                        },
                                        slept::add,
                                        fixed(0.5)))
                .isInstanceOf(RetriesExhaustedException.class)
                .hasMessageStartingWith("failed to connect to tcp://h:1883 after 3 attempts in ")
                .hasMessageEndingWith(": attempt 3: Connection refused")
                .satisfies(
                        e -> assertThat(((RetriesExhaustedException) e).attempts()).isEqualTo(3));
        assertThat(slept).hasSize(2);
    }

    @Test
    void oneAttemptMeansNoRetry() {
        RetryPolicy once = new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10));
        List<Duration> slept = new ArrayList<>();
        assertThatThrownBy(
                        () ->
                                once.run(
                                        "connect",
                                        n -> {
                                            throw new IOException("refused");
                                        },
                                        slept::add,
                                        fixed(0.5)))
                .hasMessageContaining("after 1 attempt in");
        assertThat(slept).isEmpty();
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(
                        () ->
                                RetryPolicy.of(
                                        "retry.", 0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessage("'retry.max-attempts' must be at least 1, got 0");
        assertThatThrownBy(() -> RetryPolicy.of("retry.", 3, Duration.ZERO, Duration.ofMillis(1)))
                .hasMessage("'retry.initial-delay' must be above 0, got 0ms");
        assertThatThrownBy(
                        () ->
                                RetryPolicy.of(
                                        "retry.", 3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage(
                        "'retry.max-delay' must be at least 'retry.initial-delay' (2000ms), got"
                                + " 1000ms");
    }
}
