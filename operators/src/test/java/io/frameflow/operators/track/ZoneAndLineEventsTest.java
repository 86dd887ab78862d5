package io.frameflow.operators.track;

import static io.frameflow.operators.track.Scenes.T0;
import static io.frameflow.operators.track.Scenes.brief;
import static io.frameflow.operators.track.Scenes.det;
import static io.frameflow.operators.track.Scenes.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Point;
import io.frameflow.operators.analytics.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZoneAndLineEventsTest {

    /** x from 300 to 500, the whole height. */
    private static final Zone DOOR = rect("door", 300, 500, Set.of(), Set.of());

    /** A vertical line at x = 640, drawn downwards: a move to the right is OUT, to the left IN. */
    private static final CountingLine GATE =
            CountingLine.of("gate", new Point(640, 0), new Point(640, 720));

    private static Zone rect(
            String id, float left, float right, Set<String> labels, Set<String> streams) {
        return new Zone(
                id,
                List.of(
                        new Point(left, 0),
                        new Point(right, 0),
                        new Point(right, 720),
                        new Point(left, 720)),
                labels,
                streams);
    }

    /**
     * A person of width 40 whose anchor (the middle of its bottom edge) is at x = {@code 100 + 20
     * f} in frame f, for frames {@code from} to {@code to}.
     */
    private static List<FrameResult> walkRight(String stream, int from, int to) {
        List<FrameResult> frames = new ArrayList<>();
        for (int f = from; f <= to; f++) {
            frames.add(frame(stream, f, det("person", 0.9f, 80 + 20 * f, 200, 40, 100)));
        }
        return frames;
    }

    private static Scenes.Run run(
            List<Zone> zones, List<CountingLine> lines, List<FrameResult> frames) {
        return Scenes.run(
                new StreamTracker("cam", TrackerOptions.defaults(), zones, lines), frames);
    }

    @Test
    void enterAndExitOfAZoneWithTheDwellTime() {
        // anchor x = 100 + 20 f: inside [300, 500] for f = 10..20
        Scenes.Run run = run(List.of(DOOR), List.of(), walkRight("cam", 0, 30));
        assertThat(brief(run.events()))
                .containsExactly(
                        "track_start 1 seq=1",
                        "zone_enter 1 seq=10 area=door",
                        "zone_exit 1 seq=20 area=door duration=400",
                        "track_end 1 seq=30 duration=1160");
        TrackEvent enter = run.events().get(1);
        assertThat(enter.timeMillis()).isEqualTo(T0 + 400);
        assertThat(enter.x1()).isEqualTo(280f); // the box of frame 10
        TrackEvent exit = run.events().get(2);
        assertThat(exit.timeMillis()).isEqualTo(T0 + 800);
        assertThat(exit.x1()).isEqualTo(480f); // the box of frame 20, the last one inside
    }

    @Test
    void aTrackThatStartsInsideEntersAtItsStartAndOneThatEndsInsideExitsAtItsEnd() {
        Scenes.Run run = run(List.of(DOOR), List.of(), walkRight("cam", 12, 17));
        assertThat(brief(run.events()))
                .containsExactly(
                        "track_start 1 seq=13",
                        "zone_enter 1 seq=13 area=door",
                        "zone_exit 1 seq=17 area=door duration=160",
                        "track_end 1 seq=17 duration=160");
    }

    @Test
    void aTrackLostInsideAZoneExitsItWhenTheTrackEnds() {
        List<FrameResult> frames = new ArrayList<>(walkRight("cam", 0, 14));
        // gone for more than max-lost: the next frame ends the track
        frames.add(frame("cam", 60));
        Scenes.Run run = run(List.of(DOOR), List.of(), frames);
        assertThat(brief(run.events()))
                .containsExactly(
                        "track_start 1 seq=1",
                        "zone_enter 1 seq=10 area=door",
                        "zone_exit 1 seq=14 area=door duration=160",
                        "track_end 1 seq=14 duration=520");
    }

    @Test
    void movingFromOneZoneToAnotherExitsFirst() {
        Zone next = rect("hall", 500.5f, 900, Set.of(), Set.of());
        // list the second zone first: the exit still comes before the entry
        Scenes.Run run = run(List.of(next, DOOR), List.of(), walkRight("cam", 0, 22));
        assertThat(brief(run.events()).subList(1, 4))
                .containsExactly(
                        "zone_enter 1 seq=10 area=door",
                        "zone_exit 1 seq=20 area=door duration=400",
                        "zone_enter 1 seq=21 area=hall");
    }

    @Test
    void zonesAndLinesIgnoreOtherClassesAndOtherStreams() {
        Zone carsOnly = rect("cars", 300, 500, Set.of("car"), Set.of());
        Zone elsewhere = rect("elsewhere", 300, 500, Set.of(), Set.of("other-cam"));
        CountingLine carLine =
                new CountingLine(
                        "car-gate",
                        new Point(640, 0),
                        new Point(640, 720),
                        Set.of("car"),
                        Set.of());
        CountingLine otherLine =
                new CountingLine(
                        "other-gate",
                        new Point(640, 0),
                        new Point(640, 720),
                        Set.of(),
                        Set.of("x"));
        Scenes.Run run =
                run(
                        List.of(carsOnly, elsewhere, DOOR),
                        List.of(carLine, otherLine, GATE),
                        walkRight("cam", 0, 40));
        assertThat(run.events())
                .filteredOn(e -> e.area() != null)
                .extracting(TrackEvent::area)
                .containsExactly("door", "door", "gate");
    }

    @Test
    void crossingsOfALineInBothDirections() {
        List<FrameResult> frames = new ArrayList<>();
        // the anchor crosses x = 640 between frames 2 and 3, turns, and comes back
        int[] xs = {600, 620, 630, 650, 680, 700, 690, 670, 640, 640, 620, 600};
        for (int f = 0; f < xs.length; f++) {
            frames.add(frame("cam", f, det("person", 0.9f, xs[f] - 50, 200, 100, 100)));
        }
        Scenes.Run run = run(List.of(), List.of(GATE), frames);
        // on the line at frames 8 and 9, the object keeps the side it was on until frame 10
        assertThat(brief(run.events()))
                .containsExactly(
                        "track_start 1 seq=1",
                        "line_crossing 1 seq=3 area=gate dir=out",
                        "line_crossing 1 seq=10 area=gate dir=in",
                        "track_end 1 seq=11 duration=400");
        assertThat(run.events().get(1).x1()).isEqualTo(600f); // the box of frame 3
    }

    @Test
    void aCrossingBetweenTheTentativeAndTheConfirmingFrameCounts() {
        List<FrameResult> frames =
                List.of(
                        frame("cam", 0, det("person", 0.9f, 570, 200, 100, 100)),
                        frame("cam", 1, det("person", 0.9f, 600, 200, 100, 100)));
        Scenes.Run run = run(List.of(), List.of(GATE), frames);
        assertThat(brief(run.events()))
                .containsExactly(
                        "track_start 1 seq=1",
                        "line_crossing 1 seq=1 area=gate dir=out",
                        "track_end 1 seq=1");
    }

    @Test
    void aPathThatPassesTheEndOfASegmentDoesNotCross() {
        CountingLine shortLine = CountingLine.of("short", new Point(640, 0), new Point(640, 250));
        Scenes.Run run = run(List.of(), List.of(shortLine), walkRight("cam", 0, 40));
        assertThat(run.events()).noneMatch(e -> e.type() == TrackEvent.Type.LINE_CROSSING);
    }
}
