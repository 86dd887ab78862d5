package io.frameflow.sinks.jdbc;

import static io.frameflow.sinks.jdbc.ColumnArrays.col;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Frame results into {@code <prefix>frames} (one row per frame) and {@code <prefix>detections} (one
 * row per detection, children included), both keyed by (stream, seq).
 *
 * <p>Detections are numbered per frame breadth-first: the frame's own detections first, {@code idx}
 * 0…n-1 in the result's order (best score first), then their children, each row naming its parent's
 * {@code idx} in {@code parent_idx}, then the children's children. A frame's detection rows are
 * replaced as a whole: deleted and inserted in the transaction that upserts its frame row, so a
 * frame written again ends with exactly its new detections, however many it had before.
 */
final class FrameTables extends ResultTables<FrameResult> {
    static final String FRAMES = "frames";
    static final String DETECTIONS = "detections";

    private static final List<String> FRAME_COLUMNS =
            List.of(
                    "stream",
                    "seq",
                    "model",
                    "pts_ms",
                    "capture_ms",
                    "time_source",
                    "width",
                    "height",
                    "damaged",
                    "detection_count",
                    "restoration",
                    "segmentation");
    private static final List<String> DETECTION_COLUMNS =
            List.of(
                    "stream",
                    "seq",
                    "idx",
                    "parent_idx",
                    "label",
                    "class_id",
                    "score",
                    "x1",
                    "y1",
                    "x2",
                    "y2",
                    "track_id");

    private record FrameKey(String stream, long seq) {}

    @Override
    String describe() {
        return "frame results";
    }

    @Override
    List<TableDefinition> tables(String prefix) {
        String frames = prefix + FRAMES;
        String detections = prefix + DETECTIONS;
        return List.of(
                new TableDefinition(
                        frames,
                        "CREATE TABLE IF NOT EXISTS "
                                + frames
                                + " (stream text NOT NULL, seq bigint NOT NULL,"
                                + " model text NOT NULL, pts_ms bigint NOT NULL,"
                                + " capture_ms bigint NOT NULL, time_source text NOT NULL,"
                                + " width integer NOT NULL, height integer NOT NULL,"
                                + " damaged boolean NOT NULL, detection_count integer NOT NULL,"
                                + " restoration jsonb, segmentation jsonb,"
                                + " PRIMARY KEY (stream, seq))",
                        FRAME_COLUMNS,
                        List.of("stream", "seq")),
                new TableDefinition(
                        detections,
                        "CREATE TABLE IF NOT EXISTS "
                                + detections
                                + " (stream text NOT NULL, seq bigint NOT NULL,"
                                + " idx integer NOT NULL, parent_idx integer,"
                                + " label text NOT NULL, class_id integer NOT NULL,"
                                + " score real NOT NULL, x1 real NOT NULL, y1 real NOT NULL,"
                                + " x2 real NOT NULL, y2 real NOT NULL, track_id bigint,"
                                + " PRIMARY KEY (stream, seq, idx))",
                        DETECTION_COLUMNS,
                        List.of("stream", "seq", "idx")));
    }

    @Override
    Object identity(FrameResult r) {
        return new FrameKey(r.streamId(), r.seq());
    }

    @Override
    int rows(FrameResult r) {
        return 1 + countDetections(r.detections());
    }

    @Override
    Comparator<FrameResult> order() {
        return Comparator.comparing(FrameResult::streamId).thenComparingLong(FrameResult::seq);
    }

    @Override
    void write(Connection connection, String prefix, List<FrameResult> frames) throws SQLException {
        String framesTable = prefix + FRAMES;
        String detectionsTable = prefix + DETECTIONS;
        upsertFrames(connection, framesTable, frames);
        // The frame rows are locked now, so no other transaction touches these frames'
        // detections until this one ends: a plain delete and insert replace them safely.
        String[] streams = new String[frames.size()];
        long[] seqs = new long[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            streams[i] = frames.get(i).streamId();
            seqs[i] = frames.get(i).seq();
        }
        ColumnArrays.execute(
                connection,
                detectionsTable,
                "DELETE FROM "
                        + detectionsTable
                        + " d USING unnest(?::text[], ?::int8[]) AS f(stream, seq)"
                        + " WHERE d.stream = f.stream AND d.seq = f.seq",
                col("text", streams),
                col("int8", seqs));
        insertDetections(connection, detectionsTable, frames);
    }

    private static void upsertFrames(Connection c, String table, List<FrameResult> frames)
            throws SQLException {
        int n = frames.size();
        String[] stream = new String[n];
        long[] seq = new long[n];
        String[] model = new String[n];
        long[] pts = new long[n];
        long[] capture = new long[n];
        String[] timeSource = new String[n];
        int[] width = new int[n];
        int[] height = new int[n];
        boolean[] damaged = new boolean[n];
        int[] detectionCount = new int[n];
        String[] restoration = new String[n];
        String[] segmentation = new String[n];
        for (int i = 0; i < n; i++) {
            FrameResult r = frames.get(i);
            stream[i] = r.streamId();
            seq[i] = r.seq();
            model[i] = r.model();
            pts[i] = r.ptsMillis();
            capture[i] = r.captureTimeMillis();
            timeSource[i] = r.timeSource().wireName();
            width[i] = r.width();
            height[i] = r.height();
            damaged[i] = r.damaged();
            detectionCount[i] = r.detections().size();
            restoration[i] = JsonColumns.restoration(r.restoration());
            segmentation[i] = JsonColumns.segmentation(r.segmentation());
        }
        ColumnArrays.execute(
                c,
                table,
                "INSERT INTO "
                        + table
                        + " ("
                        + String.join(", ", FRAME_COLUMNS)
                        + ") SELECT s, q, m, p, c, t, w, h, d, n, r::jsonb, g::jsonb FROM unnest("
                        + "?::text[], ?::int8[], ?::text[], ?::int8[], ?::int8[], ?::text[],"
                        + " ?::int4[], ?::int4[], ?::bool[], ?::int4[], ?::text[], ?::text[])"
                        + " AS u(s, q, m, p, c, t, w, h, d, n, r, g)"
                        + " ON CONFLICT (stream, seq) DO UPDATE SET model = EXCLUDED.model,"
                        + " pts_ms = EXCLUDED.pts_ms, capture_ms = EXCLUDED.capture_ms,"
                        + " time_source = EXCLUDED.time_source, width = EXCLUDED.width,"
                        + " height = EXCLUDED.height, damaged = EXCLUDED.damaged,"
                        + " detection_count = EXCLUDED.detection_count,"
                        + " restoration = EXCLUDED.restoration,"
                        + " segmentation = EXCLUDED.segmentation",
                col("text", stream),
                col("int8", seq),
                col("text", model),
                col("int8", pts),
                col("int8", capture),
                col("text", timeSource),
                col("int4", width),
                col("int4", height),
                col("bool", damaged),
                col("int4", detectionCount),
                col("text", restoration),
                col("text", segmentation));
    }

    private static void insertDetections(Connection c, String table, List<FrameResult> frames)
            throws SQLException {
        int n = 0;
        for (FrameResult r : frames) {
            n += countDetections(r.detections());
        }
        if (n == 0) {
            return;
        }
        DetectionColumns cols = new DetectionColumns(n);
        for (FrameResult r : frames) {
            cols.addFrame(r);
        }
        ColumnArrays.execute(
                c,
                table,
                "INSERT INTO "
                        + table
                        + " ("
                        + String.join(", ", DETECTION_COLUMNS)
                        + ") SELECT * FROM unnest(?::text[], ?::int8[], ?::int4[], ?::int4[],"
                        + " ?::text[], ?::int4[], ?::float4[], ?::float4[], ?::float4[],"
                        + " ?::float4[], ?::float4[], ?::int8[])",
                col("text", cols.stream),
                col("int8", cols.seq),
                col("int4", cols.idx),
                col("int4", cols.parent),
                col("text", cols.label),
                col("int4", cols.classId),
                col("float4", cols.score),
                col("float4", cols.x1),
                col("float4", cols.y1),
                col("float4", cols.x2),
                col("float4", cols.y2),
                col("int8", cols.trackId));
    }

    static int countDetections(List<Detection> detections) {
        int n = detections.size();
        for (Detection d : detections) {
            n += countDetections(d.children());
        }
        return n;
    }

    /** The detection rows of a batch, column by column, in breadth-first order per frame. */
    private static final class DetectionColumns {
        final String[] stream;
        final long[] seq;
        final int[] idx;
        final Integer[] parent;
        final String[] label;
        final int[] classId;
        final float[] score;
        final float[] x1;
        final float[] y1;
        final float[] x2;
        final float[] y2;
        final Long[] trackId;
        private int row;

        DetectionColumns(int n) {
            stream = new String[n];
            seq = new long[n];
            idx = new int[n];
            parent = new Integer[n];
            label = new String[n];
            classId = new int[n];
            score = new float[n];
            x1 = new float[n];
            y1 = new float[n];
            x2 = new float[n];
            y2 = new float[n];
            trackId = new Long[n];
        }

        void addFrame(FrameResult r) {
            List<Detection> queue = new ArrayList<>(r.detections());
            List<Integer> parents = new ArrayList<>(queue.size());
            for (int i = 0; i < queue.size(); i++) {
                parents.add(null);
            }
            // queue grows while it is walked: children go after everything already queued
            for (int i = 0; i < queue.size(); i++) {
                Detection d = queue.get(i);
                add(r, i, parents.get(i), d);
                for (Detection child : d.children()) {
                    queue.add(child);
                    parents.add(i);
                }
            }
        }

        private void add(FrameResult r, int index, Integer parentIdx, Detection d) {
            stream[row] = r.streamId();
            seq[row] = r.seq();
            idx[row] = index;
            parent[row] = parentIdx;
            label[row] = d.label();
            classId[row] = d.classId();
            score[row] = d.score();
            x1[row] = d.x1();
            y1[row] = d.y1();
            x2[row] = d.x2();
            y2[row] = d.y2();
            trackId[row] = d.tracked() ? d.trackId() : null;
            row++;
        }
    }
}
