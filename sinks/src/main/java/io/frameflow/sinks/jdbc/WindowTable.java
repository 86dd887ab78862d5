package io.frameflow.sinks.jdbc;

import static io.frameflow.sinks.jdbc.ColumnArrays.col;

import io.frameflow.common.WindowResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * Window results into {@code <prefix>windows}, one row per window identity (stream, kind, start,
 * end, area, label) holding the figures of its latest revision. An upsert replaces a row only with
 * a record of the same or a higher revision: a late firing replaces the first one, and a first
 * firing replayed after a restart does not overwrite the late one already written.
 */
final class WindowTable extends ResultTables<WindowResult> {
    static final String WINDOWS = "windows";

    private static final List<String> KEY =
            List.of("stream", "kind", "window_start_ms", "window_end_ms", "area", "label");

    private record WindowKey(
            String stream,
            WindowResult.Kind kind,
            long start,
            long end,
            String area,
            String label) {}

    @Override
    String describe() {
        return "window results";
    }

    @Override
    List<TableDefinition> tables(String prefix) {
        String table = prefix + WINDOWS;
        return List.of(
                new TableDefinition(
                        table,
                        "CREATE TABLE IF NOT EXISTS "
                                + table
                                + " (stream text NOT NULL, kind text NOT NULL,"
                                + " window_start_ms bigint NOT NULL, window_end_ms bigint NOT NULL,"
                                + " area text NOT NULL, label text NOT NULL,"
                                + " revision integer NOT NULL, figures jsonb NOT NULL,"
                                + " PRIMARY KEY ("
                                + String.join(", ", KEY)
                                + "))",
                        List.of(
                                "stream",
                                "kind",
                                "window_start_ms",
                                "window_end_ms",
                                "area",
                                "label",
                                "revision",
                                "figures"),
                        KEY));
    }

    @Override
    Object identity(WindowResult w) {
        return new WindowKey(
                w.streamId(),
                w.kind(),
                w.windowStartMillis(),
                w.windowEndMillis(),
                w.area(),
                w.label());
    }

    @Override
    int rows(WindowResult w) {
        return 1;
    }

    @Override
    WindowResult keep(WindowResult older, WindowResult newer) {
        return newer.revision() >= older.revision() ? newer : older;
    }

    @Override
    Comparator<WindowResult> order() {
        return Comparator.comparing(WindowResult::streamId)
                .thenComparing(w -> w.kind().wireName())
                .thenComparingLong(WindowResult::windowStartMillis)
                .thenComparingLong(WindowResult::windowEndMillis)
                .thenComparing(WindowResult::area)
                .thenComparing(WindowResult::label);
    }

    @Override
    void write(Connection connection, String prefix, List<WindowResult> windows)
            throws SQLException {
        String table = prefix + WINDOWS;
        int n = windows.size();
        String[] stream = new String[n];
        String[] kind = new String[n];
        long[] start = new long[n];
        long[] end = new long[n];
        String[] area = new String[n];
        String[] label = new String[n];
        int[] revision = new int[n];
        String[] figures = new String[n];
        for (int i = 0; i < n; i++) {
            WindowResult w = windows.get(i);
            stream[i] = w.streamId();
            kind[i] = w.kind().wireName();
            start[i] = w.windowStartMillis();
            end[i] = w.windowEndMillis();
            area[i] = w.area();
            label[i] = w.label();
            revision[i] = w.revision();
            figures[i] = JsonColumns.figures(w.values());
        }
        ColumnArrays.execute(
                connection,
                table,
                "INSERT INTO "
                        + table
                        + " AS w (stream, kind, window_start_ms, window_end_ms, area, label,"
                        + " revision, figures) SELECT s, k, ws, we, a, l, r, f::jsonb FROM unnest("
                        + "?::text[], ?::text[], ?::int8[], ?::int8[], ?::text[], ?::text[],"
                        + " ?::int4[], ?::text[]) AS u(s, k, ws, we, a, l, r, f)"
                        + " ON CONFLICT ("
                        + String.join(", ", KEY)
                        + ") DO UPDATE SET revision = EXCLUDED.revision, figures = EXCLUDED.figures"
                        + " WHERE w.revision <= EXCLUDED.revision",
                col("text", stream),
                col("text", kind),
                col("int8", start),
                col("int8", end),
                col("text", area),
                col("text", label),
                col("int4", revision),
                col("text", figures));
    }
}
