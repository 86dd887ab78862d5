package io.frameflow.sinks.jdbc;

import static io.frameflow.sinks.jdbc.PostgresConnector.SINK;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.sinks.retry.Retrier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;

/**
 * Results into PostgreSQL tables through JDBC, with idempotent upserts: {@link #forFrames frame
 * results} into {@code <prefix>frames} and {@code <prefix>detections}, {@link #forWindows window
 * results} into {@code <prefix>windows}, {@link #forEvents track events} into {@code
 * <prefix>events}. The tables, their columns and keys are documented in {@code docs/sinks.md}.
 *
 * <p>Delivery: <b>at-least-once writes, exactly-once rows</b> with checkpointing enabled. Each
 * writer writes what it buffered before every checkpoint barrier, in one transaction, so all rows
 * of records before a completed checkpoint are committed. After a failure the job restarts from the
 * last completed checkpoint and writes the records after it again; since every row is keyed by its
 * record's identity and written as an upsert (a frame's detections are replaced as a whole, a
 * window row only by the same or a later revision), the second write leaves the same rows as the
 * first, and after recovery the tables hold each record's rows exactly once.
 *
 * <p>What readers can see: rows are committed at the barrier, before their checkpoint completes, so
 * a reader may see rows of a checkpoint that then fails (nothing takes them back; the job replays
 * those records and writes the same rows again), and rows of records after the last completed
 * checkpoint are written twice with the same values. A frame and its detections are written in one
 * transaction: a query sees a frame with all of its detection rows or not at all. Rows of a batch
 * become visible when it fills ({@code batch-size}), at the latest at the next checkpoint.
 *
 * <p>A write that loses its connection is retried with exponential backoff and jitter ({@code
 * retry.*} options), on a fresh connection; when the attempts are used up the writer fails with a
 * {@link PostgresSinkException} naming the sink, table, server and last cause, and the job's
 * restart strategy takes over. Call {@link #check()} while building the job to fail fast on a
 * server that cannot be reached or tables that do not fit.
 *
 * @param <T> the record type
 */
public final class PostgresSink<T> implements Sink<T> {
    private final PostgresSinkOptions options;
    private final ResultTables<T> tables;

    private PostgresSink(PostgresSinkOptions options, ResultTables<T> tables) {
        this.options = Objects.requireNonNull(options, "options");
        this.tables = tables;
    }

    /** Frame results into {@code <prefix>frames} and {@code <prefix>detections}. */
    public static PostgresSink<FrameResult> forFrames(PostgresSinkOptions options) {
        return new PostgresSink<>(options, new FrameTables());
    }

    /** Window results into {@code <prefix>windows}, the latest revision of each window. */
    public static PostgresSink<WindowResult> forWindows(PostgresSinkOptions options) {
        return new PostgresSink<>(options, new WindowTable());
    }

    /** Track events into {@code <prefix>events}. */
    public static PostgresSink<TrackEvent> forEvents(PostgresSinkOptions options) {
        return new PostgresSink<>(options, new EventTable());
    }

    public PostgresSinkOptions options() {
        return options;
    }

    /** The names of the tables this sink writes, prefix included. */
    public List<String> tableNames() {
        return tables.tables(options.tablePrefix()).stream().map(TableDefinition::name).toList();
    }

    /** Where {@code options} write, for people: {@code host:port/database}, no password. */
    public static String describe(PostgresSinkOptions options) {
        return PostgresConnector.target(options.url());
    }

    /**
     * Connects once (no retries) and creates this sink's missing tables, or, with {@code
     * create-tables: false}, checks that they exist with the columns and keys the sink writes. Call
     * it while building the job, before submitting it, to fail fast with a clear message.
     *
     * @throws PostgresSinkException e.g. {@code postgres sink: cannot connect to
     *     127.0.0.1:1/frameflow: Connection refused}, or {@code postgres sink: table
     *     frameflow_frames does not exist in …}
     */
    public void check() throws PostgresSinkException {
        PostgresConnector connector = new PostgresConnector(options);
        Connection connection;
        try {
            connection = connector.open();
        } catch (SQLException e) {
            throw new PostgresSinkException(SINK + ": " + connector.cannotConnect(e), e);
        } catch (IllegalStateException e) {
            // the password's environment variable is not set
            throw new PostgresSinkException(e.getMessage(), e);
        }
        try (connection) {
            PostgresSchema.prepare(
                    connection,
                    tables.tables(options.tablePrefix()),
                    options.createTables(),
                    connector.target());
        } catch (PostgresSchema.SchemaException e) {
            throw new PostgresSinkException(SINK + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new PostgresSinkException(
                    SINK
                            + ": cannot prepare "
                            + String.join(", ", tableNames())
                            + " at "
                            + connector.target()
                            + ": "
                            + PostgresConnector.rootMessage(e),
                    e);
        }
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Retrier retrier = retrier();
        context.metricGroup().gauge("postgresRetries", retrier::retries);
        return writer(retrier, context.metricGroup().getNumRecordsSendCounter());
    }

    /** A retrier with this sink's policy, for {@link #writer}. */
    Retrier retrier() {
        return new Retrier(options.retry(), SINK, PostgresErrors::retryable);
    }

    /** A writer outside a Flink job (tests, benchmarks), counting written records. */
    PostgresSinkWriter<T> writer(Retrier retrier, Counter recordsWritten) {
        return new PostgresSinkWriter<>(options, tables, retrier, recordsWritten);
    }
}
