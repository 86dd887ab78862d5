package io.frameflow.sinks.jdbc;

import static io.frameflow.sinks.jdbc.PostgresConnector.SINK;

import io.frameflow.sinks.retry.Retrier;
import io.frameflow.sinks.retry.RetriesExhaustedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers records and writes them to PostgreSQL in one transaction per write: when the buffer holds
 * {@code batch-size} rows, before every checkpoint barrier ({@link #flush}) and at the end of the
 * input. A write that loses its connection is retried on a fresh one under the sink's {@code
 * retry.*} policy, the whole transaction again; the buffer is kept until a write commits. When the
 * attempts are used up, or a failure is not one that retrying mends, the writer throws {@link
 * PostgresSinkException} and Flink's restart strategy takes over.
 *
 * <p>Records of one identity buffered between two writes are merged (see {@link
 * ResultTables#keep}), so each write upserts each row once.
 */
final class PostgresSinkWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSinkWriter.class);

    private final PostgresSinkOptions options;
    private final ResultTables<T> tables;
    private final PostgresConnector connector;
    private final Retrier retrier;
    private final Counter recordsWritten;
    private final Map<Object, T> pending = new HashMap<>();
    private int pendingRows;
    private Connection connection;
    private boolean tablesReady;
    private boolean lostConnection;

    PostgresSinkWriter(
            PostgresSinkOptions options,
            ResultTables<T> tables,
            Retrier retrier,
            Counter recordsWritten) {
        this.options = options;
        this.tables = tables;
        this.connector = new PostgresConnector(options);
        this.retrier = retrier;
        this.recordsWritten = recordsWritten;
    }

    @Override
    public void write(T element, Context context)
            throws PostgresSinkException, InterruptedException {
        Object identity = tables.identity(element);
        T older = pending.get(identity);
        T kept = element;
        if (older != null) {
            kept = tables.keep(older, element);
            pendingRows -= tables.rows(older);
        }
        pending.put(identity, kept);
        pendingRows += tables.rows(kept);
        if (pendingRows >= options.batchSize()) {
            writePending();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws PostgresSinkException, InterruptedException {
        writePending();
    }

    /** Rows buffered and not yet committed. */
    int pendingRows() {
        return pendingRows;
    }

    private void writePending() throws PostgresSinkException, InterruptedException {
        if (pending.isEmpty()) {
            return;
        }
        List<T> batch = new ArrayList<>(pending.values());
        batch.sort(tables.order());
        String operation =
                "write of "
                        + pendingRows
                        + " rows of "
                        + tables.describe()
                        + " to "
                        + connector.target();
        try {
            retrier.call(
                    operation,
                    attempt -> {
                        writeOnce(batch);
                        return null;
                    });
        } catch (RetriesExhaustedException e) {
            throw new PostgresSinkException(
                    SINK
                            + ": gave up writing "
                            + tables.describe()
                            + " to "
                            + tableOf(e.getCause())
                            + " at "
                            + connector.target()
                            + " after "
                            + e.attempts()
                            + " attempts ("
                            + PostgresSinkOptions.RETRY_MAX_ATTEMPTS
                            + "): "
                            + RetriesExhaustedException.describe(e.getCause()),
                    e);
        } catch (PostgresSchema.SchemaException e) {
            throw new PostgresSinkException(SINK + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new PostgresSinkException(
                    SINK
                            + ": failed to write "
                            + tables.describe()
                            + " to "
                            + tableOf(e)
                            + " at "
                            + connector.target()
                            + ": "
                            + RetriesExhaustedException.describe(e),
                    e);
        }
        recordsWritten.inc(batch.size());
        pending.clear();
        pendingRows = 0;
    }

    private void writeOnce(List<T> batch) throws SQLException {
        try {
            Connection c = connection();
            tables.write(c, options.tablePrefix(), batch);
            c.commit();
        } catch (SQLException e) {
            // the transaction is lost either way; the next attempt starts on a fresh connection
            closeConnection();
            lostConnection = true;
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            try {
                connection = connector.open();
            } catch (SQLException e) {
                throw new SQLException(
                        connector.cannotConnect(e), e.getSQLState(), e.getErrorCode(), e);
            }
            if (lostConnection) {
                LOG.info("{}: reconnected to {}", SINK, connector.target());
                lostConnection = false;
            }
        }
        if (!tablesReady) {
            PostgresSchema.prepare(
                    connection,
                    tables.tables(options.tablePrefix()),
                    options.createTables(),
                    connector.target());
            tablesReady = true;
        }
        return connection;
    }

    private String tableOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TableWriteException w) {
                return "table " + w.table();
            }
        }
        return "tables "
                + tables.tables(options.tablePrefix()).stream()
                        .map(TableDefinition::name)
                        .collect(Collectors.joining(", "));
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection fails too; it is dropped all the same
        }
        connection = null;
    }

    /**
     * Closes the connection. Rows still buffered are dropped: Flink flushes before every checkpoint
     * and at the end of the input, so only rows after the last checkpoint can be buffered here, and
     * a restarted job writes them again.
     */
    @Override
    public void close() {
        closeConnection();
    }
}
