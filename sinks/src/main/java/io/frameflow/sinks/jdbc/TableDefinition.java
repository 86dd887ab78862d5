package io.frameflow.sinks.jdbc;

import java.util.List;

/**
 * One table a sink writes: its name, the statement that creates it, and what the sink relies on
 * when it only checks an existing table ({@code create-tables: false}): its columns and the columns
 * of its primary key (the conflict target of the upserts).
 *
 * @param name the table's name, prefix included
 * @param create a {@code CREATE TABLE IF NOT EXISTS} statement
 * @param columns every column the sink writes
 * @param key the primary key's columns
 */
record TableDefinition(String name, String create, List<String> columns, List<String> key) {
    TableDefinition {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }
}
