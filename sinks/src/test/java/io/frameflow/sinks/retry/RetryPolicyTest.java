package io.frameflow.sinks.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy =
            new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void backoffDoublesUpToTheCapWithJitterInItsUpperHalf() {
        long[] ceilings = {100, 200, 400, 800, 1000, 1000};
        for (int retry = 1; retry <= ceilings.length; retry++) {
            long ceiling = ceilings[retry - 1];
            assertEquals(Duration.ofMillis(ceiling / 2), policy.backoff(retry, () -> 0.0));
            Duration top = policy.backoff(retry, () -> 0.999_999);
            assertTrue(
                    top.toMillis() >= ceiling - 1 && top.toMillis() <= ceiling, retry + ": " + top);
        }
    }

    @Test
    void aLongOutageDoesNotOverflow() {
        RetryPolicy huge = new RetryPolicy(1000, Duration.ofMillis(1), Duration.ofDays(365));
        Duration wait = huge.backoff(999, () -> 0.5);
        assertTrue(wait.compareTo(Duration.ofDays(182)) > 0, wait.toString());
        assertTrue(wait.compareTo(Duration.ofDays(365)) <= 0, wait.toString());
    }

    @Test
    void invalidSettingsNameTheirKey() {
        assertEquals(
                "'retry.max-attempts' must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> policy.withMaxAttempts(0))
                        .getMessage());
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)))
                        .getMessage()
                        .startsWith("'retry.initial-backoff' must be a positive duration"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        new RetryPolicy(
                                                3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                        .getMessage()
                        .startsWith("'retry.max-backoff' (PT1S) must not be shorter than"));
    }
}
