package io.frameflow.operators.analytics;

import static io.frameflow.operators.analytics.Samples.at;
import static io.frameflow.operators.analytics.Samples.crossing;
import static io.frameflow.operators.analytics.Samples.frame;
import static io.frameflow.operators.analytics.Samples.square;
import static io.frameflow.operators.analytics.Samples.zoneEnter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.common.WindowResult.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The aggregation: inputs folded into a tally, merged, and turned into rows. */
class WindowRowsTest {
    private static final CountingLine GATE =
            CountingLine.of("gate", new Point(0, 240), new Point(640, 240));
    private static final AnalyticsOptions OPTIONS =
            AnalyticsOptions.of(List.of(WindowSpec.tumbling(Duration.ofSeconds(1))))
                    .withZones(List.of(square("door")))
                    .withLines(List.of(GATE));

    @Test
    void countsOccupancyAndCrossingsOfAWindow() {
        WindowTally tally = new WindowTally();
        // person 1 in the door for two frames, person 2 outside for three, a car once
        tally.add(input(frame("a", 0, 0, at("person", 200, 200, 1), at("person", 10, 10, 2))));
        tally.add(input(frame("a", 1, 100, at("person", 210, 200, 1), at("person", 12, 10, 2))));
        tally.add(input(frame("a", 2, 200, at("person", 14, 10, 2), at("car", 500, 400, 0))));
        tally.add(input(frame("a", 3, 300)));
        tally.add(event(zoneEnter("a", "door", "person", 1, 0, 0)));
        tally.add(event(crossing("a", "gate", TrackEvent.Direction.IN, "person", 2, 1, 100)));
        tally.add(event(crossing("a", "gate", TrackEvent.Direction.IN, "person", 1, 2, 200)));
        tally.add(event(crossing("a", "gate", TrackEvent.Direction.OUT, "car", 7, 2, 200)));

        List<WindowResult> rows =
                WindowRows.of("a", 0, 1_000, tally, WindowRows.labelsIn(tally), OPTIONS, 0);

        assertThat(rows)
                .extracting(WindowResult::kind, WindowResult::area, WindowResult::label)
                .containsExactly(
                        tuple(Kind.COUNT, "", "car"),
                        tuple(Kind.COUNT, "", "person"),
                        tuple(Kind.OCCUPANCY, "door", "car"),
                        tuple(Kind.OCCUPANCY, "door", "person"),
                        tuple(Kind.CROSSINGS, "gate", "car"),
                        tuple(Kind.CROSSINGS, "gate", "person"));
        assertThat(rows).allSatisfy(r -> assertThat(r.streamId()).isEqualTo("a"));
        assertThat(rows).allSatisfy(r -> assertThat(r.windowStartMillis()).isZero());
        assertThat(rows).allSatisfy(r -> assertThat(r.windowEndMillis()).isEqualTo(1_000));
        assertThat(rows.get(0).values())
                .isEqualTo(
                        Map.of(
                                "frames",
                                4.0,
                                "detections",
                                1.0,
                                "mean",
                                0.25,
                                "max",
                                1.0,
                                "tracks",
                                0.0));
        assertThat(rows.get(1).values())
                .isEqualTo(
                        Map.of(
                                "frames",
                                4.0,
                                "detections",
                                5.0,
                                "mean",
                                1.25,
                                "max",
                                2.0,
                                "tracks",
                                2.0));
        assertThat(rows.get(2).values())
                .as("no car in the door: a zero row")
                .isEqualTo(
                        Map.of(
                                "frames", 4.0, "mean", 0.0, "max", 0.0, "tracks", 0.0, "entries",
                                0.0));
        assertThat(rows.get(3).values())
                .isEqualTo(
                        Map.of(
                                "frames", 4.0, "mean", 0.5, "max", 1.0, "tracks", 1.0, "entries",
                                1.0));
        assertThat(rows.get(4).values()).isEqualTo(Map.of("in", 0.0, "out", 1.0, "total", 1.0));
        assertThat(rows.get(5).values()).isEqualTo(Map.of("in", 2.0, "out", 0.0, "total", 2.0));
    }

    @Test
    void mergingTalliesIsAddingTheirInputs() {
        List<WindowInput> inputs =
                List.of(
                        input(frame("a", 0, 0, at("person", 200, 200, 1))),
                        input(
                                frame(
                                        "a",
                                        1,
                                        100,
                                        at("person", 200, 200, 1),
                                        at("dog", 200, 200, 3))),
                        input(frame("a", 2, 200, at("person", 210, 200, 2))),
                        event(zoneEnter("a", "door", "person", 2, 2, 200)));
        WindowTally all = new WindowTally();
        inputs.forEach(all::add);
        WindowTally first = new WindowTally().add(inputs.get(0)).add(inputs.get(3));
        WindowTally second = new WindowTally().add(inputs.get(1)).add(inputs.get(2));

        WindowTally merged = first.merge(second);

        assertThat(rows(merged)).isEqualTo(rows(all));
        assertThat(merged.frames()).isEqualTo(3);
        assertThat(merged.figures(new WindowTally.Row(Kind.OCCUPANCY, "door", "person")).tracks())
                .isEqualTo(2);
    }

    @Test
    void quietWindowsReportZerosForTheClassesSeenInTheStreamOrConfigured() {
        WindowTally empty = new WindowTally().add(input(frame("a", 9, 900)));

        assertThat(WindowRows.of("a", 0, 1_000, empty, Set.of(), OPTIONS, 0))
                .as("nothing ever seen, nothing configured: no class to report")
                .isEmpty();

        List<WindowResult> seenBefore =
                WindowRows.of("a", 0, 1_000, empty, Set.of("person"), OPTIONS, 0);
        assertThat(seenBefore)
                .extracting(WindowResult::kind, WindowResult::area, WindowResult::label)
                .containsExactly(
                        tuple(Kind.COUNT, "", "person"),
                        tuple(Kind.OCCUPANCY, "door", "person"),
                        tuple(Kind.CROSSINGS, "gate", "person"));
        assertThat(seenBefore.get(1).values())
                .containsEntry("frames", 1.0)
                .containsEntry("mean", 0.0)
                .containsEntry("max", 0.0);

        Zone carsOnly = new Zone("lot", square("x").corners(), Set.of("car"), Set.of());
        AnalyticsOptions configured =
                OPTIONS.withLabels(Set.of("person", "bicycle")).withZones(List.of(carsOnly));
        assertThat(WindowRows.of("a", 0, 1_000, empty, Set.of("dog"), configured, 2))
                .extracting(
                        WindowResult::kind,
                        WindowResult::area,
                        WindowResult::label,
                        WindowResult::revision)
                .as("the configured classes; the car zone watches no configured class")
                .containsExactly(
                        tuple(Kind.COUNT, "", "bicycle", 2),
                        tuple(Kind.COUNT, "", "person", 2),
                        tuple(Kind.CROSSINGS, "gate", "bicycle", 2),
                        tuple(Kind.CROSSINGS, "gate", "person", 2));
    }

    @Test
    void aWindowWithEventsButNoFramesReportsOnlyWhatWasCounted() {
        WindowTally tally = new WindowTally().add(event(zoneEnter("a", "door", "person", 1, 0, 0)));
        List<WindowResult> rows =
                WindowRows.of("a", 0, 1_000, tally, Set.of("person", "car"), OPTIONS, 0);
        assertThat(rows)
                .extracting(WindowResult::kind, WindowResult::area, WindowResult::label)
                .containsExactly(
                        tuple(Kind.OCCUPANCY, "door", "person"),
                        tuple(Kind.CROSSINGS, "gate", "car"),
                        tuple(Kind.CROSSINGS, "gate", "person"));
        assertThat(rows.get(0).values()).containsEntry("entries", 1.0).containsEntry("mean", 0.0);
    }

    @Test
    void lateInputsGetAReasonNamingStreamFrameTimeAndWindows() {
        WindowInput late = input(frame("cam-1", 12, 1_500));
        assertThat(LateInputFunction.reason(late, WindowSpec.tumbling(Duration.ofSeconds(1)), "0s"))
                .isEqualTo(
                        "stream 'cam-1' frame 12 with capture time 1500 ms came after its"
                                + " tumbling 1s window [1000, 2000) had closed (allowed lateness"
                                + " 0s); it is not in that window's results");
        assertThat(
                        LateInputFunction.reason(
                                late,
                                WindowSpec.sliding(Duration.ofSeconds(1), Duration.ofMillis(500)),
                                "250ms"))
                .isEqualTo(
                        "stream 'cam-1' frame 12 with capture time 1500 ms came after its"
                                + " sliding 1s every 500ms windows [1000, 2000) to [1500, 2500)"
                                + " had closed (allowed lateness 250ms); it is not in those"
                                + " windows' results");
    }

    private static List<WindowResult> rows(WindowTally tally) {
        return WindowRows.of("a", 0, 1_000, tally, WindowRows.labelsIn(tally), OPTIONS, 0);
    }

    private static WindowInput input(io.frameflow.common.FrameResult result) {
        return WindowInputs.ofFrame(result, OPTIONS);
    }

    private static WindowInput event(TrackEvent e) {
        return WindowInputs.ofEvent(e, OPTIONS);
    }
}
