package io.frameflow.sinks.jdbc;

import static io.frameflow.sinks.jdbc.ColumnArrays.col;

import io.frameflow.common.TrackEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * Track events into {@code <prefix>events}, one row per event identity (stream, track_id, type,
 * area, seq); {@code area} is the empty string for track start and end, which name none, so that it
 * can be part of the primary key. An event written again replaces its row with the same values.
 */
final class EventTable extends ResultTables<TrackEvent> {
    static final String EVENTS = "events";

    private static final List<String> KEY = List.of("stream", "track_id", "type", "area", "seq");
    private static final List<String> COLUMNS =
            List.of(
                    "stream",
                    "track_id",
                    "type",
                    "area",
                    "seq",
                    "label",
                    "time_ms",
                    "direction",
                    "duration_ms",
                    "x1",
                    "y1",
                    "x2",
                    "y2");

    private record EventKey(
            String stream, long trackId, TrackEvent.Type type, String area, long seq) {}

    @Override
    String describe() {
        return "track events";
    }

    @Override
    List<TableDefinition> tables(String prefix) {
        String table = prefix + EVENTS;
        return List.of(
                new TableDefinition(
                        table,
                        "CREATE TABLE IF NOT EXISTS "
                                + table
                                + " (stream text NOT NULL, track_id bigint NOT NULL,"
                                + " type text NOT NULL, area text NOT NULL, seq bigint NOT NULL,"
                                + " label text NOT NULL, time_ms bigint NOT NULL, direction text,"
                                + " duration_ms bigint NOT NULL, x1 real NOT NULL,"
                                + " y1 real NOT NULL, x2 real NOT NULL, y2 real NOT NULL,"
                                + " PRIMARY KEY ("
                                + String.join(", ", KEY)
                                + "))",
                        COLUMNS,
                        KEY));
    }

    @Override
    Object identity(TrackEvent e) {
        return new EventKey(e.streamId(), e.trackId(), e.type(), area(e), e.seq());
    }

    @Override
    int rows(TrackEvent e) {
        return 1;
    }

    @Override
    Comparator<TrackEvent> order() {
        return Comparator.comparing(TrackEvent::streamId)
                .thenComparingLong(TrackEvent::trackId)
                .thenComparing(e -> e.type().wireName())
                .thenComparing(EventTable::area)
                .thenComparingLong(TrackEvent::seq);
    }

    private static String area(TrackEvent e) {
        return e.area() == null ? "" : e.area();
    }

    @Override
    void write(Connection connection, String prefix, List<TrackEvent> events) throws SQLException {
        String table = prefix + EVENTS;
        int n = events.size();
        String[] stream = new String[n];
        long[] trackId = new long[n];
        String[] type = new String[n];
        String[] area = new String[n];
        long[] seq = new long[n];
        String[] label = new String[n];
        long[] time = new long[n];
        String[] direction = new String[n];
        long[] duration = new long[n];
        float[] x1 = new float[n];
        float[] y1 = new float[n];
        float[] x2 = new float[n];
        float[] y2 = new float[n];
        for (int i = 0; i < n; i++) {
            TrackEvent e = events.get(i);
            stream[i] = e.streamId();
            trackId[i] = e.trackId();
            type[i] = e.type().wireName();
            area[i] = area(e);
            seq[i] = e.seq();
            label[i] = e.label();
            time[i] = e.timeMillis();
            direction[i] = e.direction() == null ? null : e.direction().wireName();
            duration[i] = e.durationMillis();
            x1[i] = e.x1();
            y1[i] = e.y1();
            x2[i] = e.x2();
            y2[i] = e.y2();
        }
        ColumnArrays.execute(
                connection,
                table,
                "INSERT INTO "
                        + table
                        + " ("
                        + String.join(", ", COLUMNS)
                        + ") SELECT * FROM unnest(?::text[], ?::int8[], ?::text[], ?::text[],"
                        + " ?::int8[], ?::text[], ?::int8[], ?::text[], ?::int8[], ?::float4[],"
                        + " ?::float4[], ?::float4[], ?::float4[])"
                        + " ON CONFLICT ("
                        + String.join(", ", KEY)
                        + ") DO UPDATE SET label = EXCLUDED.label, time_ms = EXCLUDED.time_ms,"
                        + " direction = EXCLUDED.direction, duration_ms = EXCLUDED.duration_ms,"
                        + " x1 = EXCLUDED.x1, y1 = EXCLUDED.y1, x2 = EXCLUDED.x2,"
                        + " y2 = EXCLUDED.y2",
                col("text", stream),
                col("int8", trackId),
                col("text", type),
                col("text", area),
                col("int8", seq),
                col("text", label),
                col("int8", time),
                col("text", direction),
                col("int8", duration),
                col("float4", x1),
                col("float4", y1),
                col("float4", x2),
                col("float4", y2));
    }
}
