package io.frameflow.operators.analytics;

import static io.frameflow.operators.analytics.Samples.at;
import static io.frameflow.operators.analytics.Samples.crossing;
import static io.frameflow.operators.analytics.Samples.frame;
import static io.frameflow.operators.analytics.Samples.square;
import static io.frameflow.operators.analytics.Samples.trackStart;
import static io.frameflow.operators.analytics.Samples.zoneEnter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.common.WindowResult.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analytics windows in jobs on a MiniCluster, on synthetic results with known figures. */
class AnalyticsWindowsITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final CountingLine GATE =
            CountingLine.of("gate", new Point(0, 240), new Point(640, 240));

    /**
     * Stream a: frame i (every 100 ms, 30 frames) shows i % 3 people, tracks 1 and 2. Stream b: one
     * car, track 7, in each of its 30 frames. Windows: tumbling 1 s and sliding 2 s every 1 s, two
     * parallel window operators.
     */
    @Test
    void tumblingAndSlidingCountsPerStreamAndClass() throws Exception {
        List<FrameResult> frames = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Detection[] people = new Detection[i % 3];
            for (int j = 0; j < people.length; j++) {
                people[j] = at("person", 50 + 100 * j, 400, j + 1);
            }
            frames.add(frame("a", i, 100L * i, people));
            frames.add(frame("b", i, 100L * i, at("car", 320, 400, 7)));
        }
        AnalyticsOptions options =
                AnalyticsOptions.of(
                        List.of(
                                WindowSpec.tumbling(Duration.ofSeconds(1)),
                                WindowSpec.sliding(Duration.ofSeconds(2), Duration.ofSeconds(1))));

        Run run = run("counts", 2, frames, null, options);

        assertThat(run.deadLetters).isEmpty();
        assertThat(run.lateInputs).isZero();
        assertThat(run.results).allSatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.COUNT));
        assertThat(run.results).allSatisfy(r -> assertThat(r.revision()).isZero());
        assertThat(figures(run.results, "a", "person"))
                .containsExactly(
                        // tumbling: 0,1,2,0,1,2,0,1,2,0 = 9; then 10; then 11
                        row(-1000, 1000, 10, 9, 0.9, 2, 2),
                        row(0, 1000, 10, 9, 0.9, 2, 2),
                        row(0, 2000, 20, 19, 0.95, 2, 2),
                        row(1000, 2000, 10, 10, 1.0, 2, 2),
                        row(1000, 3000, 20, 21, 1.05, 2, 2),
                        row(2000, 3000, 10, 11, 1.1, 2, 2),
                        row(2000, 4000, 10, 11, 1.1, 2, 2));
        assertThat(figures(run.results, "b", "car"))
                .containsExactly(
                        row(-1000, 1000, 10, 10, 1.0, 1, 1),
                        row(0, 1000, 10, 10, 1.0, 1, 1),
                        row(0, 2000, 20, 20, 1.0, 1, 1),
                        row(1000, 2000, 10, 10, 1.0, 1, 1),
                        row(1000, 3000, 20, 20, 1.0, 1, 1),
                        row(2000, 3000, 10, 10, 1.0, 1, 1),
                        row(2000, 4000, 10, 10, 1.0, 1, 1));
        assertThat(run.results).as("a class never seen in a stream has no rows there").hasSize(14);
    }

    /**
     * One stream, zone "door" and line "gate". Window [0, 1 s): track 1 walks into the door at
     * frame 5 and stays, an untracked person stands in it in frames 5 and 6; crossings: two people
     * in, a car out. Window [1 s, 2 s): nobody in the door, one person out over the line.
     */
    @Test
    void occupancyOfAZoneAndCrossingsOfALine() throws Exception {
        List<FrameResult> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<Detection> d = new ArrayList<>();
            boolean inside = i >= 5 && i < 10;
            d.add(at("person", inside ? 200 : 500, 200, 1));
            if (i == 5 || i == 6) {
                d.add(at("person", 150, 150, 0));
            }
            if (i < 3) {
                d.add(at("car", 600, 100, 9));
            }
            frames.add(frame("a", i, 100L * i, d.toArray(Detection[]::new)));
        }
        List<TrackEvent> events =
                List.of(
                        trackStart("a", "person", 1, 0, 0),
                        crossing("a", "gate", TrackEvent.Direction.IN, "person", 1, 2, 200),
                        crossing("a", "gate", TrackEvent.Direction.OUT, "car", 9, 2, 200),
                        zoneEnter("a", "door", "person", 1, 5, 500),
                        crossing("a", "gate", TrackEvent.Direction.IN, "person", 4, 8, 800),
                        zoneEnter("a", "other-zone", "person", 1, 9, 900),
                        crossing("a", "gate", TrackEvent.Direction.OUT, "person", 1, 15, 1500));
        AnalyticsOptions options =
                AnalyticsOptions.of(List.of(WindowSpec.tumbling(Duration.ofSeconds(1))))
                        .withZones(List.of(square("door")))
                        .withLines(List.of(GATE));

        Run run = run("places", 1, frames, events, options);

        assertThat(run.deadLetters).isEmpty();
        assertThat(run.results)
                .filteredOn(r -> r.kind() == Kind.OCCUPANCY)
                .extracting(
                        WindowResult::windowStartMillis,
                        WindowResult::area,
                        WindowResult::label,
                        WindowResult::values)
                .containsExactlyInAnyOrder(
                        tuple(0L, "door", "person", occupancy(10, 0.7, 2, 1, 1)),
                        tuple(0L, "door", "car", occupancy(10, 0, 0, 0, 0)),
                        tuple(1000L, "door", "person", occupancy(10, 0, 0, 0, 0)),
                        tuple(1000L, "door", "car", occupancy(10, 0, 0, 0, 0)));
        assertThat(run.results)
                .filteredOn(r -> r.kind() == Kind.CROSSINGS)
                .extracting(
                        WindowResult::windowStartMillis,
                        WindowResult::area,
                        WindowResult::label,
                        WindowResult::values)
                .containsExactlyInAnyOrder(
                        tuple(0L, "gate", "person", crossings(2, 0)),
                        tuple(0L, "gate", "car", crossings(0, 1)),
                        tuple(1000L, "gate", "person", crossings(0, 1)),
                        tuple(1000L, "gate", "car", crossings(0, 0)));
        assertThat(run.results)
                .filteredOn(r -> r.kind() == Kind.COUNT)
                .extracting(
                        WindowResult::windowStartMillis,
                        WindowResult::label,
                        r -> r.value("detections"))
                .containsExactlyInAnyOrder(
                        tuple(0L, "person", 12.0),
                        tuple(0L, "car", 3.0),
                        tuple(1000L, "person", 10.0),
                        tuple(1000L, "car", 0.0));
    }

    /**
     * Allowed lateness 2 s, watermark right after each frame. Window [0, 1 s) fires at the frame of
     * 1.5 s; a frame of 0.5 s after it fires the window again, revision 1, with 11 frames; once the
     * frame of 3.5 s has passed the window's end plus the lateness, a frame of 0.7 s is a dead
     * letter and counted.
     */
    @Test
    void lateDataWithinTheLatenessRevisesTheWindowBeyondItIsADeadLetter() throws Exception {
        List<FrameResult> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add(frame("a", i, 100L * i, at("person", 50, 400, 1)));
        }
        frames.add(frame("a", 10, 1_500, at("person", 50, 400, 1)));
        frames.add(frame("a", 11, 500, at("person", 50, 400, 2), at("person", 90, 400, 3)));
        frames.add(frame("a", 12, 3_500));
        frames.add(frame("a", 13, 700, at("person", 50, 400, 4)));
        AnalyticsOptions options =
                AnalyticsOptions.of(List.of(WindowSpec.tumbling(Duration.ofSeconds(1))))
                        .withAllowedLateness(Duration.ofSeconds(2));

        Run run = run("late", 1, frames, null, options);

        assertThat(run.results)
                .filteredOn(r -> r.windowStartMillis() == 0)
                .extracting(WindowResult::revision, WindowResult::values)
                .containsExactly(
                        tuple(0, count(10, 10, 1.0, 1, 1)),
                        tuple(1, count(11, 12, 12.0 / 11, 2, 3)));
        assertThat(run.results)
                .filteredOn(r -> r.windowStartMillis() != 0)
                .extracting(WindowResult::windowStartMillis, WindowResult::revision)
                .containsExactlyInAnyOrder(tuple(1000L, 0), tuple(3000L, 0));
        assertThat(run.deadLetters)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.streamId()).isEqualTo("a");
                            assertThat(d.seq()).isEqualTo(13);
                            assertThat(d.stage()).isEqualTo("window");
                            assertThat(d.fatal()).isFalse();
                            assertThat(d.reason())
                                    .isEqualTo(
                                            "stream 'a' frame 13 with capture time 700 ms came"
                                                    + " after its tumbling 1s window [0, 1000) had"
                                                    + " closed (allowed lateness 2s); it is not in"
                                                    + " that window's results");
                        });
        assertThat(run.lateInputs).isEqualTo(1);
    }

    private record Run(List<WindowResult> results, List<DeadLetter> deadLetters, long lateInputs) {}

    private static Run run(
            String name,
            int parallelism,
            List<FrameResult> frames,
            List<TrackEvent> events,
            AnalyticsOptions options)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        AnalyticsWindows.Windows windows =
                AnalyticsWindows.apply(
                        TestJobs.frames(env, name + "-frames", frames),
                        events == null ? null : TestJobs.events(env, name + "-events", events),
                        options,
                        parallelism);
        windows.results().sinkTo(TestJobs.collect(name + "-results"));
        windows.deadLetters().sinkTo(TestJobs.collect(name + "-dead-letters"));
        JobExecutionResult job = env.execute(name);
        Long late = job.getAccumulatorResult(AnalyticsWindows.LATE_ACCUMULATOR);
        return new Run(
                TestJobs.collected(name + "-results"),
                TestJobs.collected(name + "-dead-letters"),
                late == null ? 0 : late);
    }

    /** (start, end, frames, detections, mean, max, tracks) of a stream's class, by window. */
    private static List<List<Object>> figures(
            List<WindowResult> results, String stream, String label) {
        return results.stream()
                .filter(r -> r.streamId().equals(stream) && r.label().equals(label))
                .sorted(
                        (x, y) ->
                                x.windowStartMillis() != y.windowStartMillis()
                                        ? Long.compare(x.windowStartMillis(), y.windowStartMillis())
                                        : Long.compare(x.windowEndMillis(), y.windowEndMillis()))
                .map(r -> List.<Object>of(r.windowStartMillis(), r.windowEndMillis(), r.values()))
                .toList();
    }

    private static List<Object> row(
            long start, long end, int frames, int detections, double mean, int max, int tracks) {
        return List.of(start, end, count(frames, detections, mean, max, tracks));
    }

    private static Map<String, Double> count(
            int frames, int detections, double mean, int max, int tracks) {
        return Map.of(
                "frames", (double) frames,
                "detections", (double) detections,
                "mean", mean,
                "max", (double) max,
                "tracks", (double) tracks);
    }

    private static Map<String, Double> occupancy(
            int frames, double mean, int max, int tracks, int entries) {
        return Map.of(
                "frames", (double) frames,
                "mean", mean,
                "max", (double) max,
                "tracks", (double) tracks,
                "entries", (double) entries);
    }

    private static Map<String, Double> crossings(int in, int out) {
        return Map.of("in", (double) in, "out", (double) out, "total", (double) (in + out));
    }
}
