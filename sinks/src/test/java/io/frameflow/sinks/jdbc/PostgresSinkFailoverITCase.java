package io.frameflow.sinks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frameflow.common.FrameResult;
import io.frameflow.sinks.retry.Retrier;
import io.frameflow.sinks.retry.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached: at startup, and taken away from a running writer. */
class PostgresSinkFailoverITCase {
    private static PostgresServer pg;

    @BeforeAll
    static void startServer() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterEach
    void serverIsBack() throws Exception {
        pg.restart();
    }

    @AfterAll
    static void stopServer() throws Exception {
        pg.close();
    }

    @Test
    void anUnreachableDatabaseAtStartupFailsFastNamingHostPortAndDatabase() {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(
                        PostgresSinkOptions.builder("jdbc:postgresql://127.0.0.1:1/frameflow")
                                .build());
        PostgresSinkException e = assertThrows(PostgresSinkException.class, sink::check);
        assertEquals(
                "postgres sink: cannot connect to 127.0.0.1:1/frameflow: Connection refused",
                e.getMessage());
    }

    @Test
    void aWrongDatabaseIsNamedAndNotRetried() throws Exception {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(
                        PostgresSinkOptions.builder(
                                        "jdbc:postgresql://127.0.0.1:" + pg.port() + "/nosuchdb")
                                .user("postgres")
                                .build());
        PostgresSinkException e = assertThrows(PostgresSinkException.class, sink::check);
        assertEquals(
                "postgres sink: cannot connect to 127.0.0.1:"
                        + pg.port()
                        + "/nosuchdb as user 'postgres': FATAL: database \"nosuchdb\" does not"
                        + " exist",
                e.getMessage());

        Retrier retrier = sink.retrier();
        PostgresSinkWriter<FrameResult> writer = sink.writer(retrier, new SimpleCounter());
        writer.write(SampleResults.frame("cam", 0, 1), null);
        PostgresSinkException write =
                assertThrows(PostgresSinkException.class, () -> writer.flush(false));
        assertTrue(write.getMessage().contains("does not exist"), write.getMessage());
        assertEquals(0, retrier.retries(), "a missing database does not come back by waiting");
        writer.close();
    }

    @Test
    void aWriterRetriesWhileTheServerIsDownAndGoesOnWhenItIsBack() throws Exception {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(
                        pg.options()
                                .tablePrefix("back_")
                                .connectTimeout(Duration.ofSeconds(2))
                                .retry(
                                        new RetryPolicy(
                                                80, Duration.ofMillis(100), Duration.ofMillis(500)))
                                .build());
        Retrier retrier = sink.retrier();
        SimpleCounter written = new SimpleCounter();
        try (PostgresSinkWriter<FrameResult> writer = sink.writer(retrier, written)) {
            for (int seq = 0; seq < 20; seq++) {
                writer.write(SampleResults.frame("cam", seq, 5), null);
            }
            writer.flush(false);
            assertEquals(20, written.getCount());

            pg.stop(); // the writer's open connection dies with the server
            CompletableFuture<Void> comeback =
                    CompletableFuture.runAsync(
                            () -> {
                                try {
                                    Thread.sleep(1_500);
                                    pg.restart();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            for (int seq = 20; seq < 40; seq++) {
                writer.write(SampleResults.frame("cam", seq, 5), null);
            }
            writer.flush(false); // retries until the server is back
            comeback.join();
        }
        assertEquals(40, written.getCount());
        assertTrue(retrier.retries() >= 2, "retried " + retrier.retries() + " times");
        assertEquals(40, pg.count("back_frames"));
        assertEquals(40 * 6, pg.count("back_detections"));
    }

    @Test
    void aWriterGivesUpAfterTheLimitNamingSinkTableAndCause() throws Exception {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(
                        pg.options()
                                .tablePrefix("limit_")
                                .retry(
                                        new RetryPolicy(
                                                3, Duration.ofMillis(50), Duration.ofMillis(100)))
                                .build());
        Retrier retrier = sink.retrier();
        PostgresSinkWriter<FrameResult> writer = sink.writer(retrier, new SimpleCounter());
        writer.write(SampleResults.frame("cam", 0, 2), null);
        writer.flush(false);

        pg.stop();
        writer.write(SampleResults.frame("cam", 1, 2), null);
        PostgresSinkException e =
                assertThrows(PostgresSinkException.class, () -> writer.flush(false));
        assertEquals(
                "postgres sink: gave up writing frame results to tables limit_frames,"
                        + " limit_detections at 127.0.0.1:"
                        + pg.port()
                        + "/frameflow after 3 attempts (retry.max-attempts): cannot connect to"
                        + " 127.0.0.1:"
                        + pg.port()
                        + "/frameflow as user 'postgres': Connection refused",
                e.getMessage());
        assertEquals(2, retrier.retries());
        assertEquals(4, writer.pendingRows(), "the unwritten rows are still buffered");
        writer.close();
    }
}
