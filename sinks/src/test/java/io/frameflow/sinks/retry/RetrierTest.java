package io.frameflow.sinks.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrierTest {
    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy =
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250));

    private Retrier retrier() {
        return new Retrier(
                policy, "test sink", e -> e instanceof ConnectException, waits::add, () -> 1.0);
    }

    @Test
    void retriesUntilTheOperationSucceeds() throws Exception {
        Retrier retrier = retrier();
        String result =
                retrier.call(
                        "write",
                        attempt -> {
                            if (attempt < 3) {
                                throw new ConnectException("Connection refused");
                            }
                            return "done on " + attempt;
                        });
        assertEquals("done on 3", result);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
        assertEquals(2, retrier.retries());
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastCause() {
        Retrier retrier = retrier();
        RetriesExhaustedException refused =
                assertThrows(
                        RetriesExhaustedException.class,
                        () ->
                                retrier.call(
                                        "write of 5 rows",
                                        attempt -> {
                                            throw new ConnectException(
                                                    "Connection refused " + attempt);
                                        }));
        assertEquals(
                "test sink: write of 5 rows failed 4 times, giving up: Connection refused 4",
                refused.getMessage());
        assertEquals(4, refused.attempts());
        assertEquals(
                List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250)),
                waits);
    }

    @Test
    void onlyWhatThePredicateAcceptsIsRetried() {
        // an I/O error caused by a refused connection is not a ConnectException itself
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                retrier()
                                        .call(
                                                "write",
                                                attempt -> {
                                                    throw new IOException(
                                                            "I/O error",
                                                            new ConnectException("refused"));
                                                }));
        assertEquals("I/O error", e.getMessage());
        assertEquals(List.of(), waits);
    }

    @Test
    void aFailureThatIsNotRetryableIsRethrownAtOnce() {
        IllegalStateException boom = new IllegalStateException("bad SQL");
        IllegalStateException thrown =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                retrier()
                                        .call(
                                                "write",
                                                attempt -> {
                                                    throw boom;
                                                }));
        assertSame(boom, thrown);
        assertEquals(List.of(), waits);
    }

    @Test
    void describeAddsTheRootCauseWhenItSaysMore() {
        assertEquals(
                "I/O error (Connection reset)",
                RetriesExhaustedException.describe(
                        new IOException("I/O error", new IOException("Connection reset"))));
        assertEquals(
                "cannot connect: Connection refused",
                RetriesExhaustedException.describe(
                        new IOException(
                                "cannot connect: Connection refused",
                                new ConnectException("Connection refused"))));
    }
}
