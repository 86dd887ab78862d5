package io.frameflow.sinks.jdbc;

import io.frameflow.sinks.retry.RetriesExhaustedException;
import java.sql.SQLException;

/**
 * A statement on one table failed. Keeps the driver's SQLState and error code, so that a lost
 * connection (class 08) is still recognised as one, and adds the table's name to the message.
 */
final class TableWriteException extends SQLException {
    private final String table;

    TableWriteException(String table, SQLException cause) {
        super(
                "table " + table + ": " + RetriesExhaustedException.describe(cause),
                cause.getSQLState(),
                cause.getErrorCode(),
                cause);
        this.table = table;
    }

    String table() {
        return table;
    }
}
