package io.frameflow.operators.track;

import static io.frameflow.operators.track.Scenes.T0;
import static io.frameflow.operators.track.Scenes.brief;
import static io.frameflow.operators.track.Scenes.det;
import static io.frameflow.operators.track.Scenes.frame;
import static io.frameflow.operators.track.Scenes.frameAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Point;
import io.frameflow.operators.analytics.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class TrackingFunctionTest {

    private static final List<Zone> ZONES =
            List.of(
                    new Zone(
                            "left",
                            List.of(
                                    new Point(0, 0),
                                    new Point(500, 0),
                                    new Point(500, 720),
                                    new Point(0, 720)),
                            Set.of(),
                            Set.of("a")),
                    Zone.of(
                            "bottom",
                            List.of(
                                    new Point(0, 400),
                                    new Point(1280, 400),
                                    new Point(1280, 720),
                                    new Point(0, 720))));
    private static final List<CountingLine> LINES =
            List.of(CountingLine.of("mid", new Point(640, 0), new Point(640, 720)));

    /** The tracking operator in Flink's keyed operator harness. */
    private static final class Harness implements AutoCloseable {
        final TrackingFunction function;
        final KeyedOneInputStreamOperatorTestHarness<String, FrameResult, FrameResult> harness;

        Harness(TrackerOptions options, OperatorSubtaskState restoreFrom) throws Exception {
            function = new TrackingFunction(options, ZONES, LINES);
            harness =
                    new KeyedOneInputStreamOperatorTestHarness<>(
                            new KeyedProcessOperator<>(function),
                            FrameResult::streamId,
                            Types.STRING);
            if (restoreFrom != null) {
                harness.initializeState(restoreFrom);
            }
            harness.open();
        }

        Harness() throws Exception {
            this(TrackerOptions.defaults(), null);
        }

        void send(FrameResult r) throws Exception {
            harness.processElement(r, r.captureTimeMillis());
        }

        void watermark(long w) throws Exception {
            harness.processWatermark(new Watermark(w));
        }

        List<FrameResult> results() {
            return new ArrayList<>(harness.extractOutputValues());
        }

        List<TrackEvent> events() {
            var side = harness.getSideOutput(TrackingFunction.EVENTS);
            return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }

    /**
     * Two streams' busy scenes, interleaved frame by frame; stream a stops after 150 frames (6 s),
     * b goes on for 4 s more.
     */
    private static List<FrameResult> twoStreams() {
        List<FrameResult> a = Scenes.busyScene("a", 1, 150, 15);
        List<FrameResult> b = Scenes.busyScene("b", 2, 250, 15);
        List<FrameResult> both = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            if (i < a.size()) {
                both.add(a.get(i));
            }
            both.add(b.get(i));
        }
        return both;
    }

    /** Sends the frames with a watermark every 10 frames, trailing them by 500 ms. */
    private static void feed(Harness h, List<FrameResult> frames) throws Exception {
        for (FrameResult r : frames) {
            h.send(r);
            if (r.streamId().equals("b") && r.seq() % 10 == 9) {
                h.watermark(r.captureTimeMillis() - 500);
            }
        }
    }

    private static List<FrameResult> of(String stream, List<FrameResult> results) {
        return results.stream().filter(r -> r.streamId().equals(stream)).toList();
    }

    private static List<TrackEvent> eventsOf(String stream, List<TrackEvent> events) {
        return events.stream().filter(e -> e.streamId().equals(stream)).toList();
    }

    @Test
    void eachStreamIsTrackedAsByItsOwnTrackerWhetherFramesOrWatermarksEndTheTracks()
            throws Exception {
        List<FrameResult> input = twoStreams();
        try (Harness h = new Harness()) {
            feed(h, input);
            // stream a sent no frame in its last 4 s: the watermark (of stream b) ended its tracks
            List<TrackEvent> aBeforeEnd = eventsOf("a", h.events());
            assertThat(aBeforeEnd)
                    .filteredOn(e -> e.type() == TrackEvent.Type.TRACK_END)
                    .hasSameSizeAs(
                            aBeforeEnd.stream()
                                    .filter(e -> e.type() == TrackEvent.Type.TRACK_START)
                                    .toList())
                    .anyMatch(e -> e.seq() == 149);
            h.watermark(Long.MAX_VALUE);

            for (String stream : List.of("a", "b")) {
                Scenes.Run alone =
                        Scenes.run(
                                new StreamTracker(stream, TrackerOptions.defaults(), ZONES, LINES),
                                of(stream, input));
                assertThat(of(stream, h.results())).isEqualTo(alone.results());
                // the watermark ends some tracks before the next frame would: same events, some
                // sooner
                assertThat(eventsOf(stream, h.events()))
                        .containsExactlyInAnyOrderElementsOf(alone.events());
            }
            assertThat(eventsOf("a", h.events()))
                    .extracting(TrackEvent::area)
                    .contains("left", "bottom", "mid");
            assertThat(eventsOf("b", h.events()))
                    .extracting(TrackEvent::area)
                    .contains("bottom", "mid")
                    .doesNotContain("left");
            assertThat(h.function.liveTracks()).isZero();
        }
    }

    @Test
    void aRestoredOperatorEmitsWhatAnUnbrokenOneEmits() throws Exception {
        List<FrameResult> input = twoStreams();
        List<FrameResult> unbrokenResults;
        List<TrackEvent> unbrokenEvents;
        try (Harness h = new Harness()) {
            feed(h, input);
            h.watermark(Long.MAX_VALUE);
            unbrokenResults = h.results();
            unbrokenEvents = h.events();
        }

        int cut = 2 * 123 + 7;
        List<FrameResult> results = new ArrayList<>();
        List<TrackEvent> events = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (Harness h = new Harness()) {
            feed(h, input.subList(0, cut));
            snapshot = h.harness.snapshot(1, 1);
            results.addAll(h.results());
            events.addAll(h.events());
            assertThat(h.function.liveTracks()).isPositive();
        }
        try (Harness h = new Harness(TrackerOptions.defaults(), snapshot)) {
            feed(h, input.subList(cut, input.size()));
            // the timers were restored with the state: the final watermark ends every track
            h.watermark(Long.MAX_VALUE);
            results.addAll(h.results());
            events.addAll(h.events());
        }
        assertThat(results).isEqualTo(unbrokenResults);
        assertThat(events).isEqualTo(unbrokenEvents);
    }

    /** A person in zone "left" in frames 0 to 9, last seen at T0 + 360. */
    private static void personInZone(Harness h) throws Exception {
        for (int f = 0; f < 10; f++) {
            h.send(frame("a", f, det("person", 0.9f, 100 + 5 * f, 200, 60, 120)));
        }
    }

    @Test
    void aTrackEndsWithTheSameEventsOnAFrameOnTheWatermarkAndAtTheEndOfInput() throws Exception {
        long lastSeen = T0 + 9 * Scenes.FRAME_MILLIS;
        long maxLost = TrackerOptions.DEFAULT_MAX_LOST.toMillis();
        List<String> expected =
                List.of(
                        "zone_exit 1 seq=9 area=left duration=320",
                        "track_end 1 seq=9 duration=320");

        List<TrackEvent> byFrame;
        try (Harness h = new Harness()) {
            personInZone(h);
            h.send(frameAt("a", 10, lastSeen + maxLost)); // not yet lost
            assertThat(h.events()).hasSize(2);
            h.send(frameAt("a", 11, lastSeen + maxLost + 1));
            byFrame = h.events().subList(2, h.events().size());
        }
        assertThat(brief(byFrame)).isEqualTo(expected);

        try (Harness h = new Harness()) {
            personInZone(h);
            h.watermark(lastSeen + maxLost - 1);
            assertThat(h.events()).hasSize(2);
            assertThat(h.function.liveTracks()).isEqualTo(1);
            h.watermark(lastSeen + maxLost);
            assertThat(h.events().subList(2, h.events().size())).isEqualTo(byFrame);
            assertThat(h.function.liveTracks()).isZero();
        }

        try (Harness h = new Harness()) {
            personInZone(h);
            h.watermark(Long.MAX_VALUE);
            assertThat(h.events().subList(2, h.events().size())).isEqualTo(byFrame);
        }
    }

    @Test
    void framesNotAfterTheLastPassUntrackedAndAreCounted() throws Exception {
        try (Harness h = new Harness()) {
            personInZone(h);
            FrameResult late = frame("a", 4, det("person", 0.9f, 120, 200, 60, 120));
            h.send(late);
            h.send(frame("b", 0, det("person", 0.9f, 120, 200, 60, 120)));
            List<FrameResult> out = h.results();
            assertThat(out.get(10)).isSameAs(late);
            assertThat(out.get(11).streamId()).isEqualTo("b");
            assertThat(h.function.framesOutOfOrder()).isEqualTo(1);
            assertThat(h.events()).hasSize(2); // start and zone entry of frame 1
        }
    }
}
