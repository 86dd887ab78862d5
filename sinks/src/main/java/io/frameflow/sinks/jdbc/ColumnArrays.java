package io.frameflow.sinks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Runs one statement whose parameters are whole columns, one SQL array each: {@code INSERT … SELECT
 * * FROM unnest(?::text[], ?::int8[], …)}. A batch of any size is then one statement and one round
 * trip, and the server parses and plans it once.
 */
final class ColumnArrays {
    private ColumnArrays() {}

    /**
     * One column: a PostgreSQL element type name ({@code text}, {@code int8}, {@code float4}, …)
     * and a Java array of values (primitive, or boxed where the column holds nulls).
     */
    record Column(String type, Object values) {}

    static Column col(String type, Object values) {
        return new Column(type, values);
    }

    /**
     * Executes {@code sql} with {@code columns} as its parameters, in order.
     *
     * @return the number of rows the statement changed
     * @throws TableWriteException naming {@code table} when it fails
     */
    static int execute(Connection connection, String table, String sql, Column... columns)
            throws TableWriteException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (int i = 0; i < columns.length; i++) {
                statement.setArray(i + 1, pg.createArrayOf(columns[i].type(), columns[i].values()));
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw e instanceof TableWriteException t ? t : new TableWriteException(table, e);
        }
    }
}
