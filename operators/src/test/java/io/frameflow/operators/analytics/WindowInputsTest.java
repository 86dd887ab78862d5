package io.frameflow.operators.analytics;

import static io.frameflow.operators.analytics.Samples.at;
import static io.frameflow.operators.analytics.Samples.crossing;
import static io.frameflow.operators.analytics.Samples.frame;
import static io.frameflow.operators.analytics.Samples.square;
import static io.frameflow.operators.analytics.Samples.trackStart;
import static io.frameflow.operators.analytics.Samples.zoneEnter;
import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowInputsTest {
    private static final AnalyticsOptions TEN_SECONDS =
            AnalyticsOptions.of(List.of(WindowSpec.tumbling(Duration.ofSeconds(10))));

    @Test
    void aFrameCountsItsClassesTheirTracksAndWhoIsInEachZone() {
        Zone door = square("door");
        Zone cars = new Zone("lot", door.corners(), Set.of("car"), Set.of());
        Zone elsewhere = new Zone("other", door.corners(), Set.of(), Set.of("cam-2"));
        AnalyticsOptions options = TEN_SECONDS.withZones(List.of(door, cars, elsewhere));
        Detection child = new Detection("face", 1, 0.8f, 150, 150, 160, 160);
        FrameResult result =
                frame(
                        "cam-1",
                        7,
                        1_234,
                        at("person", 200, 200, 4).withMoreChildren(List.of(child)),
                        at("person", 200, 300, 0), // on the boundary: inside; untracked
                        at("person", 50, 50, 5), // outside
                        at("car", 150, 250, 9));

        WindowInput input = WindowInputs.ofFrame(result, options);

        assertThat(input.source()).isEqualTo(WindowInput.Source.FRAME);
        assertThat(input.streamId()).isEqualTo("cam-1");
        assertThat(input.seq()).isEqualTo(7);
        assertThat(input.timeMillis()).isEqualTo(1_234);
        assertThat(input.tallies())
                .containsExactly(
                        new WindowInput.Tally(Kind.COUNT, "", "person", 3, new long[] {4, 5}),
                        new WindowInput.Tally(Kind.COUNT, "", "car", 1, new long[] {9}),
                        new WindowInput.Tally(Kind.OCCUPANCY, "door", "person", 2, new long[] {4}),
                        new WindowInput.Tally(Kind.OCCUPANCY, "door", "car", 1, new long[] {9}),
                        new WindowInput.Tally(Kind.OCCUPANCY, "lot", "car", 1, new long[] {9}));
    }

    @Test
    void onlyCountedClassesAreTallied() {
        AnalyticsOptions options =
                TEN_SECONDS.withLabels(Set.of("car")).withZones(List.of(square("door")));
        WindowInput input =
                WindowInputs.ofFrame(
                        frame("a", 0, 0, at("person", 200, 200, 1), at("car", 20, 20, 2)), options);
        assertThat(input.tallies())
                .containsExactly(new WindowInput.Tally(Kind.COUNT, "", "car", 1, new long[] {2}));
        assertThat(WindowInputs.ofFrame(frame("a", 1, 40), options).tallies()).isEmpty();
    }

    @Test
    void zoneEntersAndLineCrossingsOfConfiguredPlacesFeedWindowsOtherEventsDoNot() {
        CountingLine gate = CountingLine.of("gate", new Point(0, 240), new Point(640, 240));
        CountingLine bikesOnly =
                new CountingLine("bikes", gate.from(), gate.to(), Set.of("bicycle"), Set.of());
        AnalyticsOptions options =
                TEN_SECONDS.withZones(List.of(square("door"))).withLines(List.of(gate, bikesOnly));

        WindowInput enter =
                WindowInputs.ofEvent(zoneEnter("a", "door", "person", 3, 12, 480), options);
        assertThat(enter.source()).isEqualTo(WindowInput.Source.ZONE_ENTER);
        assertThat(enter.timeMillis()).isEqualTo(480);
        assertThat(enter.seq()).isEqualTo(12);
        assertThat(enter.tallies())
                .containsExactly(
                        new WindowInput.Tally(Kind.OCCUPANCY, "door", "person", 1, new long[] {3}));
        assertThat(enter.describe()).isEqualTo("zone_enter event of track 3 at frame 12 in 'door'");

        WindowInput out =
                WindowInputs.ofEvent(
                        crossing("a", "gate", TrackEvent.Direction.OUT, "car", 8, 30, 1_200),
                        options);
        assertThat(out.source()).isEqualTo(WindowInput.Source.CROSSING_OUT);
        assertThat(out.tallies())
                .containsExactly(
                        new WindowInput.Tally(Kind.CROSSINGS, "gate", "car", 1, new long[] {8}));
        assertThat(
                        WindowInputs.ofEvent(
                                        crossing(
                                                "a",
                                                "gate",
                                                TrackEvent.Direction.IN,
                                                "car",
                                                8,
                                                9,
                                                1),
                                        options)
                                .source())
                .isEqualTo(WindowInput.Source.CROSSING_IN);

        assertThat(WindowInputs.ofEvent(trackStart("a", "person", 3, 1, 40), options)).isNull();
        assertThat(WindowInputs.ofEvent(zoneEnter("a", "nowhere", "person", 3, 1, 40), options))
                .isNull();
        assertThat(
                        WindowInputs.ofEvent(
                                crossing("a", "bikes", TrackEvent.Direction.IN, "car", 8, 9, 1),
                                options))
                .isNull();
        assertThat(
                        WindowInputs.ofEvent(
                                zoneEnter("a", "door", "person", 3, 12, 480),
                                options.withLabels(Set.of("car"))))
                .isNull();
    }
}
