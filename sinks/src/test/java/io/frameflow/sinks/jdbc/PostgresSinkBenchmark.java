package io.frameflow.sinks.jdbc;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.metrics.SimpleCounter;

/**
 * Rows per second into an embedded PostgreSQL: the frames sink (upserts of column arrays, detection
 * rows replaced per frame) against plain JDBC batch inserts of the same rows, measured in the same
 * run on the same server. Each frame has 5 detection rows (4 detections, one with a child).
 *
 * <p>Every method writes into freshly truncated tables with the same definitions (primary keys
 * included) and commits once per {@code batch} rows. "replay" writes every frame a second time over
 * the rows already there, which is what a restarted job does after its last checkpoint. Prints, per
 * method, the best and the median rate and the median ratio against the first baseline (rounds
 * interleave the methods). Not a test; run with
 *
 * <pre>
 * mvn -o -q -pl sinks -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=$PWD/sinks/target/cp.txt -Dmdep.includeScope=test
 * java -cp sinks/target/test-classes:sinks/target/classes:$(cat sinks/target/cp.txt) \
 *     io.frameflow.sinks.jdbc.PostgresSinkBenchmark [frames] [rounds]
 * </pre>
 */
public final class PostgresSinkBenchmark {
    private static final int DETECTIONS = 4;
    private static final int[] BATCHES = {500, 5_000};

    private PostgresSinkBenchmark() {}

    @FunctionalInterface
    private interface Method {
        void write(PostgresServer pg, List<FrameResult> frames, int batch) throws Exception;
    }

    private record Named(String name, boolean replay, Method method) {}

    public static void main(String[] args) throws Exception {
        int frameCount = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<FrameResult> frames = new ArrayList<>(frameCount);
        for (int i = 0; i < frameCount; i++) {
            frames.add(SampleResults.frame("cam-" + i % 4, i / 4, DETECTIONS));
        }
        long rows = 0;
        for (FrameResult f : frames) {
            rows += 1 + FrameTables.countDetections(f.detections());
        }
        List<Named> methods =
                List.of(
                        new Named(
                                "jdbc batch insert",
                                false,
                                (pg, f, b) -> plainInsert(pg, f, b, false)),
                        new Named(
                                "jdbc batch insert, reWriteBatchedInserts",
                                false,
                                (pg, f, b) -> plainInsert(pg, f, b, true)),
                        new Named("postgres sink", false, PostgresSinkBenchmark::sink),
                        new Named("postgres sink, replay", true, PostgresSinkBenchmark::sink));
        // Every method commits as often; without waiting for the WAL flush of each commit the
        // figures show the work of the methods, not the disk's sync latency.
        try (PostgresServer pg = PostgresServer.start(Map.of("synchronous_commit", "off"))) {
            // creates the tables, and warms up the JIT and the server
            sink(pg, frames.subList(0, Math.min(2_000, frameCount)), 500);
            truncate(pg);
            plainInsert(pg, frames.subList(0, Math.min(2_000, frameCount)), 500, false);
            System.out.printf(
                    Locale.ROOT,
                    "%d frames, %d rows (%d detection rows per frame), embedded PostgreSQL"
                            + " (synchronous_commit=off), %d rounds%n",
                    frameCount,
                    rows,
                    DETECTIONS + 1,
                    rounds);
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %6s %14s %14s %10s%n",
                    "method",
                    "batch",
                    "best rows/s",
                    "median rows/s",
                    "ratio");
            for (int batch : BATCHES) {
                // rounds interleave the methods, so that load from elsewhere on the machine
                // falls on all of them alike; the ratio is the median of the rounds' ratios
                double[][] rates = new double[methods.size()][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int m = 0; m < methods.size(); m++) {
                        rates[m][r] = measure(pg, methods.get(m), frames, batch, rows);
                    }
                }
                for (int m = 0; m < methods.size(); m++) {
                    double[] ratios = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        ratios[r] = rates[m][r] / rates[0][r];
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "%-44s %6d %14.0f %14.0f %10.2f%n",
                            methods.get(m).name(),
                            batch,
                            Arrays.stream(rates[m]).max().orElseThrow(),
                            median(rates[m]),
                            median(ratios));
                }
            }
        }
    }

    private static double measure(
            PostgresServer pg, Named method, List<FrameResult> frames, int batch, long rows)
            throws Exception {
        truncate(pg);
        if (method.replay()) {
            sink(pg, frames, batch);
        }
        long start = System.nanoTime();
        method.method().write(pg, frames, batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        check(pg, frames.size(), rows);
        return rows / seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void sink(PostgresServer pg, List<FrameResult> frames, int batch)
            throws Exception {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(pg.options().tablePrefix("bench_").batchSize(batch).build());
        try (PostgresSinkWriter<FrameResult> writer =
                sink.writer(sink.retrier(), new SimpleCounter())) {
            for (FrameResult f : frames) {
                writer.write(f, null);
            }
            writer.flush(true);
        }
    }

    /** The baseline: one INSERT per row through JDBC batches, a commit every {@code batch} rows. */
    private static void plainInsert(
            PostgresServer pg, List<FrameResult> frames, int batch, boolean rewrite)
            throws SQLException {
        try (Connection c =
                DriverManager.getConnection(
                        pg.url() + "?reWriteBatchedInserts=" + rewrite, "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement frame =
                            c.prepareStatement(
                                    "INSERT INTO bench_frames (stream, seq, model, pts_ms,"
                                            + " capture_ms, time_source, width, height, damaged,"
                                            + " detection_count, restoration, segmentation)"
                                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)");
                    PreparedStatement detection =
                            c.prepareStatement(
                                    "INSERT INTO bench_detections (stream, seq, idx, parent_idx,"
                                            + " label, class_id, score, x1, y1, x2, y2, track_id)"
                                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (FrameResult f : frames) {
                    frame.setString(1, f.streamId());
                    frame.setLong(2, f.seq());
                    frame.setString(3, f.model());
                    frame.setLong(4, f.ptsMillis());
                    frame.setLong(5, f.captureTimeMillis());
                    frame.setString(6, f.timeSource().wireName());
                    frame.setInt(7, f.width());
                    frame.setInt(8, f.height());
                    frame.setBoolean(9, f.damaged());
                    frame.setInt(10, f.detections().size());
                    frame.addBatch();
                    pending += 1 + addDetections(detection, f);
                    if (pending >= batch) {
                        frame.executeBatch();
                        detection.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                frame.executeBatch();
                detection.executeBatch();
                c.commit();
            }
        }
    }

    /** Adds the frame's detection rows, breadth-first as the sink numbers them. */
    private static int addDetections(PreparedStatement s, FrameResult f) throws SQLException {
        List<Detection> queue = new ArrayList<>(f.detections());
        List<Integer> parents = new ArrayList<>(Arrays.asList(new Integer[queue.size()]));
        for (int i = 0; i < queue.size(); i++) {
            Detection d = queue.get(i);
            s.setString(1, f.streamId());
            s.setLong(2, f.seq());
            s.setInt(3, i);
            s.setObject(4, parents.get(i), java.sql.Types.INTEGER);
            s.setString(5, d.label());
            s.setInt(6, d.classId());
            s.setFloat(7, d.score());
            s.setFloat(8, d.x1());
            s.setFloat(9, d.y1());
            s.setFloat(10, d.x2());
            s.setFloat(11, d.y2());
            s.setObject(12, d.tracked() ? d.trackId() : null, java.sql.Types.BIGINT);
            s.addBatch();
            for (Detection child : d.children()) {
                queue.add(child);
                parents.add(i);
            }
        }
        return queue.size();
    }

    private static void truncate(PostgresServer pg) throws SQLException {
        try (Connection c = pg.connect();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE bench_frames, bench_detections");
            // keep autovacuum's timing out of the figures as far as possible
            s.execute("VACUUM ANALYZE bench_frames");
            s.execute("VACUUM ANALYZE bench_detections");
        }
    }

    private static void check(PostgresServer pg, int frames, long rows) throws SQLException {
        long written = pg.count("bench_frames") + pg.count("bench_detections");
        if (pg.count("bench_frames") != frames || written != rows) {
            throw new IllegalStateException(
                    "expected " + frames + " frames and " + rows + " rows, found " + written);
        }
    }
}
