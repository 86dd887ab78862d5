package io.frameflow.sinks.jdbc;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * How one kind of record goes into its tables: the table definitions, the record's identity (the
 * tables' primary key), and the statements that upsert a batch of records. A writer keeps only the
 * latest record of an identity in its buffer (see {@link #keep}), so a batch never names one key
 * twice, which {@code INSERT … ON CONFLICT DO UPDATE} would reject.
 *
 * @param <T> the record type
 */
abstract class ResultTables<T> implements Serializable {
    /** What the records are, for messages: {@code frame results}. */
    abstract String describe();

    /** The tables, named with {@code prefix}. */
    abstract List<TableDefinition> tables(String prefix);

    /** The record's identity: equal for records that go to the same rows. */
    abstract Object identity(T record);

    /** Rows the record adds to the tables, for the batch size. */
    abstract int rows(T record);

    /**
     * The order in which a batch is written: by primary key, so that two writers whose batches
     * overlap lock rows in the same order and do not deadlock.
     */
    abstract Comparator<T> order();

    /**
     * Of two records with the same identity buffered before one write, the one to write. The newer
     * one, unless the tables say otherwise (a window's higher revision).
     */
    T keep(T older, T newer) {
        return newer;
    }

    /**
     * Upserts {@code records} (distinct identities, in {@link #order()}) through {@code connection}
     * inside the caller's transaction; does not commit.
     *
     * @throws TableWriteException naming the table of the statement that failed
     */
    abstract void write(Connection connection, String prefix, List<T> records) throws SQLException;
}
