package io.frameflow.sinks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.common.serde.TrackEventTypeInfoFactory;
import io.frameflow.common.serde.WindowResultTypeInfoFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PostgreSQL sinks in Flink jobs on a MiniCluster, with checkpoints and a failure. */
class PostgresSinkITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static PostgresServer pg;

    @BeforeAll
    static void startServer() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        pg.close();
    }

    private static List<FrameResult> frames(int perStream) {
        List<FrameResult> frames = new ArrayList<>();
        for (int seq = 0; seq < perStream; seq++) {
            for (String stream : List.of("cam-a", "cam-b", "cam-c")) {
                frames.add(SampleResults.frame(stream, seq, seq % 7));
            }
        }
        return frames;
    }

    private static int detectionRows(List<FrameResult> frames) {
        return frames.stream().mapToInt(f -> FrameTables.countDetections(f.detections())).sum();
    }

    private static StreamExecutionEnvironment environment(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.enableCheckpointing(50);
        return env;
    }

    @Test
    void aJobWritesFramesWindowsAndEvents() throws Exception {
        PostgresSinkOptions options = pg.options().tablePrefix("job_").batchSize(100).build();
        List<FrameResult> frames = frames(300);
        List<WindowResult> windows = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            for (String zone : List.of("door", "desk")) {
                windows.add(SampleResults.occupancy("cam-a", minute * 60_000L, zone, 0, minute));
                if (minute % 3 == 0) {
                    // a late firing: whichever writer writes last, revision 1 stays
                    windows.add(
                            SampleResults.occupancy(
                                    "cam-a", minute * 60_000L, zone, 1, minute + 0.5));
                }
            }
        }
        List<TrackEvent> events = new ArrayList<>();
        for (long track = 1; track <= 50; track++) {
            events.add(SampleResults.trackStart("cam-b", track, track * 10));
            events.add(
                    SampleResults.crossing(
                            "cam-b", track, track * 10 + 5, "gate", TrackEvent.Direction.IN));
        }
        PostgresSink<FrameResult> frameSink = PostgresSink.forFrames(options);
        PostgresSink<WindowResult> windowSink = PostgresSink.forWindows(options);
        PostgresSink<TrackEvent> eventSink = PostgresSink.forEvents(options);
        for (PostgresSink<?> sink : List.of(frameSink, windowSink, eventSink)) {
            sink.check(); // what the job assembly does before submitting
        }

        StreamExecutionEnvironment env = environment(2);
        env.fromData(frames, FrameResultTypeInfoFactory.TYPE_INFO).rebalance().sinkTo(frameSink);
        env.fromData(windows, WindowResultTypeInfoFactory.TYPE_INFO).rebalance().sinkTo(windowSink);
        env.fromData(events, TrackEventTypeInfoFactory.TYPE_INFO).rebalance().sinkTo(eventSink);
        env.execute("postgres sink test");

        assertEquals(frames.size(), pg.count("job_frames"));
        assertEquals(detectionRows(frames), pg.count("job_detections"));
        assertEquals(60, pg.count("job_windows"));
        // every third minute has a late firing, and only its revision 1 is left
        assertEquals(
                List.of(List.of("20", "60", "60")),
                pg.rows(
                        "SELECT count(*) FILTER (WHERE revision = 1),"
                                + " count(*) FILTER (WHERE (revision = 1)"
                                + " = (window_start_ms / 60000 % 3 = 0)),"
                                + " count(*) FILTER (WHERE (figures->>'mean')::float8"
                                + " = window_start_ms / 60000 + 0.5 * revision) FROM job_windows"));
        assertEquals(100, pg.count("job_events"));
    }

    private static long differences(String table) throws Exception {
        return Long.parseLong(
                pg.rows(
                                "SELECT count(*) FROM ((TABLE ref_"
                                        + table
                                        + " EXCEPT ALL TABLE replay_"
                                        + table
                                        + ") UNION ALL (TABLE replay_"
                                        + table
                                        + " EXCEPT ALL TABLE ref_"
                                        + table
                                        + ")) d")
                        .get(0)
                        .get(0));
    }

    /** Fails once, after some checkpoints have completed, so the job restores and replays. */
    static final class FailOnce implements MapFunction<FrameResult, FrameResult> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger SEEN = new AtomicInteger();

        @Override
        public FrameResult map(FrameResult value) throws Exception {
            if (SEEN.incrementAndGet() == 1_500 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            if (!FAILED.get()) {
                Thread.sleep(1); // let a few checkpoints complete before the failure
            }
            return value;
        }
    }

    @Test
    void afterAFailureEveryFramesRowsAreThereOnceAndAsWithoutIt() throws Exception {
        List<FrameResult> frames = frames(800);
        // the reference: the same results written once, by a writer, without a failure
        PostgresSink<FrameResult> reference =
                PostgresSink.forFrames(pg.options().tablePrefix("ref_").build());
        try (PostgresSinkWriter<FrameResult> writer =
                reference.writer(reference.retrier(), new SimpleCounter())) {
            for (FrameResult f : frames) {
                writer.write(f, null);
            }
            writer.flush(true);
        }

        StreamExecutionEnvironment env = environment(2);
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        restart.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(restart);
        env.fromData(frames, FrameResultTypeInfoFactory.TYPE_INFO)
                .rebalance()
                .map(new FailOnce())
                .returns(FrameResultTypeInfoFactory.TYPE_INFO)
                .sinkTo(
                        PostgresSink.forFrames(
                                pg.options().tablePrefix("replay_").batchSize(200).build()));
        env.execute("postgres sink restore test");

        assertTrue(FailOnce.FAILED.get(), "the failure was injected");
        assertTrue(
                FailOnce.SEEN.get() > frames.size(),
                "records after the checkpoint were replayed: " + FailOnce.SEEN.get());
        assertEquals(frames.size(), pg.count("replay_frames"));
        assertEquals(detectionRows(frames), pg.count("replay_detections"));
        // row for row the same as without the failure (rows in one table and not the other)
        assertEquals(0, differences("frames"), "frame rows that differ");
        assertEquals(0, differences("detections"), "detection rows that differ");
    }
}
