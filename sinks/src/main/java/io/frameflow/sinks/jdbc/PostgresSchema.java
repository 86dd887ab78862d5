package io.frameflow.sinks.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes sure a sink's tables are there before it writes: creates the missing ones ({@code
 * create-tables: true}), then checks that each exists with the columns the sink writes and a unique
 * key on the columns its upserts name, with an error naming the table and what it lacks.
 */
final class PostgresSchema {
    private PostgresSchema() {}

    /**
     * Creates or checks {@code tables} and commits.
     *
     * @throws SchemaException when a table is missing or lacks a column or key (checking only)
     * @throws SQLException when the server fails (e.g. no permission to create tables)
     */
    static void prepare(
            Connection connection, List<TableDefinition> tables, boolean create, String target)
            throws SQLException {
        try {
            if (create) {
                create(connection, tables);
            }
            // also after creating: a table that was there before may not fit
            for (TableDefinition table : tables) {
                check(connection, table, target);
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    private static void create(Connection connection, List<TableDefinition> tables)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Concurrent CREATE TABLE IF NOT EXISTS of one name can fail on the catalog's unique
            // index; every writer of a job prepares its tables at once, so they take turns.
            statement.execute("SELECT pg_advisory_xact_lock(" + lockKey(tables) + ")");
            for (TableDefinition table : tables) {
                try {
                    statement.execute(table.create());
                } catch (SQLException e) {
                    throw new TableWriteException(table.name(), e);
                }
            }
        }
    }

    private static long lockKey(List<TableDefinition> tables) {
        // a fixed tag in the high half keeps clear of other applications' small lock numbers
        return (0x4672616dL << 32) | (tables.get(0).name().hashCode() & 0xffffffffL);
    }

    private static void check(Connection connection, TableDefinition table, String target)
            throws SQLException {
        Set<String> columns = new HashSet<>();
        boolean exists = false;
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT a.attname FROM pg_attribute a"
                                + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0"
                                + " AND NOT a.attisdropped")) {
            query.setString(1, table.name());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    exists = true;
                    columns.add(rows.getString(1));
                }
            }
        }
        if (!exists) {
            throw new SchemaException(
                    "table "
                            + table.name()
                            + " does not exist in "
                            + target
                            + " (create-tables is false); create it as in docs/sinks.md or set"
                            + " create-tables: true",
                    "42P01");
        }
        List<String> missing = new ArrayList<>();
        for (String column : table.columns()) {
            if (!columns.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new SchemaException(
                    "table "
                            + table.name()
                            + " in "
                            + target
                            + " has no column "
                            + String.join(", ", missing)
                            + "; it needs "
                            + String.join(", ", table.columns()),
                    "42703");
        }
        if (!hasUniqueKey(connection, table)) {
            throw new SchemaException(
                    "table "
                            + table.name()
                            + " in "
                            + target
                            + " has no primary key or unique index on ("
                            + String.join(", ", table.key())
                            + "), which its upserts need",
                    "42P10");
        }
    }

    private static boolean hasUniqueKey(Connection connection, TableDefinition table)
            throws SQLException {
        Set<String> key = new HashSet<>(table.key());
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT array_agg(a.attname::text) FROM pg_index i"
                                + " JOIN pg_attribute a ON a.attrelid = i.indrelid"
                                + " AND a.attnum = ANY(i.indkey)"
                                + " WHERE i.indrelid = to_regclass(?) AND i.indisunique"
                                + " AND i.indpred IS NULL GROUP BY i.indexrelid")) {
            query.setString(1, table.name());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Array names = rows.getArray(1);
                    Set<String> indexed = new HashSet<>(Arrays.asList((String[]) names.getArray()));
                    if (indexed.equals(key)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the caller closes it and reports the first failure
        }
    }

    /**
     * A table is missing or does not have what the sink writes; retrying does not help. Carries the
     * SQLState the server would give for the same fault.
     */
    static final class SchemaException extends SQLException {
        SchemaException(String message, String sqlState) {
            super(message, sqlState);
        }
    }
}
