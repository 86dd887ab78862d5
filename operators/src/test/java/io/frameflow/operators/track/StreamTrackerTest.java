package io.frameflow.operators.track;

import static io.frameflow.operators.track.Scenes.T0;
import static io.frameflow.operators.track.Scenes.brief;
import static io.frameflow.operators.track.Scenes.det;
import static io.frameflow.operators.track.Scenes.frame;
import static io.frameflow.operators.track.Scenes.frameAt;
import static io.frameflow.operators.track.Scenes.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Point;
import io.frameflow.operators.analytics.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamTrackerTest {

    private static StreamTracker tracker(TrackerOptions options) {
        return new StreamTracker("cam", options, List.of(), List.of());
    }

    @Test
    void aPersonAndACarKeepTheirIdsWhenTheCarDrivesThroughThePerson() {
        // the person walks slowly right, the car drives left through it; while the car covers
        // the person (frames 13-17) the person is not detected, and the car's box lies where the
        // person's track expects the person
        List<FrameResult> frames = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            Detection person = det("person", 0.9f, 400 + 2 * f, 300, 100, 100);
            Detection car = det("car", 0.8f, 700 - 20 * f, 300, 100, 100);
            boolean covered = f >= 13 && f <= 17;
            frames.add(
                    covered
                            ? frame("cam", f, car)
                            : f % 2 == 0
                                    ? frame("cam", f, person, car)
                                    : frame("cam", f, car, person));
        }
        Scenes.Run run = Scenes.run(tracker(TrackerOptions.defaults()), frames);

        for (int f = 1; f < 30; f++) {
            for (Detection d : run.results().get(f).detections()) {
                assertThat(d.trackId())
                        .as("%s in frame %d", d.label(), f)
                        .isEqualTo(d.label().equals("person") ? 1L : 2L);
            }
        }
        assertThat(brief(run.events()))
                .containsExactly(
                        "track_start 1 seq=1",
                        "track_start 2 seq=1",
                        "track_end 1 seq=29 duration=1120",
                        "track_end 2 seq=29 duration=1120");
    }

    @Test
    void aCarThatStopsWhereAPersonWasLostStartsItsOwnTrack() {
        // a person stands at one spot, disappears behind a car that parks exactly there, and
        // shows again when the car leaves: the car never takes over the person's track
        List<FrameResult> frames = new ArrayList<>();
        Detection person = det("person", 0.9f, 300, 300, 100, 200);
        for (int f = 0; f < 5; f++) {
            frames.add(frame("cam", f, person));
        }
        for (int f = 5; f < 15; f++) {
            frames.add(frame("cam", f, det("car", 0.9f, 300, 300, 100, 200)));
        }
        for (int f = 15; f < 20; f++) {
            frames.add(frame("cam", f, person));
        }
        Scenes.Run run = Scenes.run(tracker(TrackerOptions.defaults()), frames);

        List<List<Long>> ids = ids(run.results());
        assertThat(ids.subList(1, 5)).allSatisfy(i -> assertThat(i).containsExactly(1L));
        assertThat(ids.get(5)).containsExactly(0L); // the car's first, tentative frame
        assertThat(ids.subList(6, 15)).allSatisfy(i -> assertThat(i).containsExactly(2L));
        assertThat(ids.subList(15, 20)).allSatisfy(i -> assertThat(i).containsExactly(1L));
    }

    @Test
    void twoPersonsCrossingKeepTheirIdsThroughThePredictedBoxes() {
        List<FrameResult> frames = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            Detection a = det("person", 0.9f, 100 + 20 * f, 300, 80, 160);
            Detection b = det("person", 0.85f, 900 - 20 * f, 330, 80, 160);
            // the detector lists them by score, and drops one of them as they overlap most
            frames.add(f == 20 ? frame("cam", f, a) : frame("cam", f, a, b));
        }
        Scenes.Run run = Scenes.run(tracker(TrackerOptions.defaults()), frames);

        for (int f = 1; f < 40; f++) {
            List<Long> ids = ids(run.results()).get(f);
            assertThat(ids.get(0)).as("frame %d", f).isEqualTo(1L);
            if (f != 20) {
                assertThat(ids.get(1)).as("frame %d", f).isEqualTo(2L);
            }
        }
    }

    @Test
    void aLowScoreDetectionDuringAnOcclusionKeepsTheTrackInTheSecondStage() {
        List<FrameResult> frames = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            float score = f >= 10 && f < 15 ? 0.3f : 0.9f;
            frames.add(frame("cam", f, det("person", score, 100 + 10 * f, 200, 80, 160)));
        }
        Scenes.Run byteTrack = Scenes.run(tracker(TrackerOptions.defaults()), frames);
        assertThat(ids(byteTrack.results()).subList(1, 30))
                .allSatisfy(i -> assertThat(i).containsExactly(1L));

        // without the second stage (the weak detections ignored) the track survives the gap,
        // being shorter than max-lost, but the weak frames carry no id
        TrackerOptions highOnly =
                new TrackerOptions(0.5, 0.35, 0.3, 2, TrackerOptions.DEFAULT_MAX_LOST, Set.of());
        Scenes.Run ignored = Scenes.run(tracker(highOnly), frames);
        List<List<Long>> ids = ids(ignored.results());
        assertThat(ids.subList(10, 15)).allSatisfy(i -> assertThat(i).containsExactly(0L));
        assertThat(ids.subList(15, 30)).allSatisfy(i -> assertThat(i).containsExactly(1L));
    }

    @Test
    void lowScoreDetectionsNeitherStartNorConfirmTracks() {
        List<FrameResult> frames = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            // a weak object all along; a strong one whose second frame is weak
            frames.add(
                    frame(
                            "cam",
                            f,
                            det("person", f == 1 ? 0.3f : 0.9f, 100, 100, 50, 100),
                            det("person", 0.4f, 600, 100, 50, 100),
                            det("person", 0.05f, 900, 100, 50, 100)));
        }
        Scenes.Run run = Scenes.run(tracker(TrackerOptions.defaults()), frames);

        List<List<Long>> ids = ids(run.results());
        // frame 0 starts a tentative track that misses frame 1 (a weak detection cannot confirm
        // it) and is dropped; frames 2 and 3 start and confirm the track
        assertThat(ids.subList(0, 3)).allSatisfy(i -> assertThat(i).containsOnly(0L));
        assertThat(ids.subList(3, 10)).allSatisfy(i -> assertThat(i).containsExactly(1L, 0L, 0L));
        assertThat(brief(run.events()))
                .containsExactly("track_start 1 seq=3", "track_end 1 seq=9 duration=240");
    }

    @Test
    void aTrackLostLongerThanMaxLostEndsAndTheObjectGetsANewId() {
        StreamTracker tracker = tracker(TrackerOptions.defaults()); // max-lost 1 s
        Detection p = det("person", 0.9f, 100, 100, 50, 100);
        tracker.process(frameAt("cam", 0, T0, p));
        tracker.process(frameAt("cam", 1, T0 + 40, p));
        // exactly max-lost after it was last seen: still the same track
        TrackedFrame exactly = tracker.process(frameAt("cam", 2, T0 + 1040, p));
        assertThat(exactly.result().detections().get(0).trackId()).isEqualTo(1);
        assertThat(exactly.events()).isEmpty();

        // one millisecond more: the track has ended, and the object starts a new one
        TrackedFrame later = tracker.process(frameAt("cam", 3, T0 + 2041, p));
        assertThat(brief(later.events())).containsExactly("track_end 1 seq=2 duration=1000");
        assertThat(later.events().get(0).timeMillis()).isEqualTo(T0 + 1040);
        assertThat(later.result().detections().get(0).trackId()).isEqualTo(0);
        TrackedFrame confirmed = tracker.process(frameAt("cam", 4, T0 + 2081, p));
        assertThat(confirmed.result().detections().get(0).trackId()).isEqualTo(2);
        assertThat(brief(confirmed.events())).containsExactly("track_start 2 seq=4");
    }

    @Test
    void minHitsFramesConfirmATrackAndOnlyConfirmedTracksUseIds() {
        StreamTracker tracker = tracker(TrackerOptions.defaults().withMinHits(3));
        List<TrackEvent> events = new ArrayList<>();
        List<List<Long>> ids = new ArrayList<>();
        for (int f = 0; f < 8; f++) {
            List<Detection> dets = new ArrayList<>();
            dets.add(det("person", 0.9f, 100 + 5 * f, 100, 50, 100));
            if (f < 2) {
                dets.add(det("person", 0.9f, 600, 100, 50, 100)); // flickers for 2 frames
            }
            if (f >= 4) {
                dets.add(det("car", 0.9f, 900, 300, 150, 100));
            }
            TrackedFrame t = tracker.process(frame("cam", f, dets.toArray(new Detection[0])));
            ids.add(ids(List.of(t.result())).get(0));
            events.addAll(t.events());
        }
        assertThat(ids)
                .containsExactly(
                        List.of(0L, 0L),
                        List.of(0L, 0L),
                        List.of(1L),
                        List.of(1L),
                        List.of(1L, 0L),
                        List.of(1L, 0L),
                        List.of(1L, 2L),
                        List.of(1L, 2L));
        assertThat(brief(events)).containsExactly("track_start 1 seq=2", "track_start 2 seq=6");

        StreamTracker immediate = tracker(TrackerOptions.defaults().withMinHits(1));
        TrackedFrame first = immediate.process(frame("cam", 0, det("car", 0.9f, 1, 1, 9, 9)));
        assertThat(first.result().detections().get(0).trackId()).isEqualTo(1);
        assertThat(brief(first.events())).containsExactly("track_start 1 seq=0");
    }

    @Test
    void onlyTheConfiguredClassesAreTrackedAndChildrenStayUntracked() {
        StreamTracker tracker = tracker(TrackerOptions.defaults().withLabels(Set.of("person")));
        Detection face = det("face", 0.9f, 110, 105, 20, 20);
        FrameResult last = null;
        for (int f = 0; f < 3; f++) {
            Detection person = new Detection("person", 0, 0.9f, 100, 100, 150, 200, List.of(face));
            last =
                    tracker.process(frame("cam", f, person, det("car", 0.9f, 500, 100, 150, 100)))
                            .result();
        }
        assertThat(last.detections().get(0).trackId()).isEqualTo(1);
        assertThat(last.detections().get(0).children()).containsExactly(face);
        assertThat(last.detections().get(1).trackId()).isZero();
    }

    @Test
    void aFrameNotAfterTheLastPassesUnchangedWithoutEvents() {
        StreamTracker tracker = tracker(TrackerOptions.defaults());
        Detection p = det("person", 0.9f, 100, 100, 50, 100);
        for (int f = 0; f < 4; f++) {
            tracker.process(frame("cam", f, p));
        }
        FrameResult duplicate = frame("cam", 3, p);
        TrackedFrame again = tracker.process(duplicate);
        assertThat(again.tracked()).isFalse();
        assertThat(again.result()).isSameAs(duplicate);
        assertThat(again.events()).isEmpty();
        assertThat(tracker.process(frame("cam", 1, p)).tracked()).isFalse();

        TrackedFrame next = tracker.process(frame("cam", 4, p));
        assertThat(next.tracked()).isTrue();
        assertThat(next.result().detections().get(0).trackId()).isEqualTo(1);
        assertThat(tracker.state().lastSeq()).isEqualTo(4);
    }

    @Test
    void aResultOfAnotherStreamIsRefused() {
        StreamTracker tracker = tracker(TrackerOptions.defaults());
        assertThatThrownBy(() -> tracker.process(frame("other", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the tracker of stream 'cam' got a result of stream 'other'");
    }

    @Test
    void theSameFramesGiveTheSameIdsAndEvents() {
        List<FrameResult> scene = Scenes.busyScene("cam", 42, 400, 25);
        Scenes.Run a = Scenes.run(tracker(TrackerOptions.defaults()), scene);
        Scenes.Run b = Scenes.run(tracker(TrackerOptions.defaults()), scene);
        assertThat(b.results()).isEqualTo(a.results());
        assertThat(b.events()).isEqualTo(a.events());

        // ids are given in order from 1, each track starts and ends once, and no id appears
        // twice in a frame
        List<Long> started =
                a.events().stream()
                        .filter(e -> e.type() == TrackEvent.Type.TRACK_START)
                        .map(TrackEvent::trackId)
                        .toList();
        assertThat(started).hasSizeGreaterThan(20);
        for (int i = 0; i < started.size(); i++) {
            assertThat(started.get(i)).isEqualTo(i + 1L);
        }
        assertThat(
                        a.events().stream()
                                .filter(e -> e.type() == TrackEvent.Type.TRACK_END)
                                .map(TrackEvent::trackId)
                                .sorted()
                                .toList())
                .isEqualTo(started);
        for (List<Long> frameIds : ids(a.results())) {
            List<Long> tracked = frameIds.stream().filter(id -> id != 0).toList();
            assertThat(new HashSet<>(tracked)).hasSameSizeAs(tracked);
        }
    }

    @Test
    void aTrackerRestoredFromASnapshotGoesOnLikeAnUnbrokenOne() {
        List<Zone> zones =
                List.of(
                        Zone.of(
                                "left",
                                List.of(
                                        new Point(0, 0),
                                        new Point(500, 0),
                                        new Point(500, 720),
                                        new Point(0, 720))));
        List<CountingLine> lines =
                List.of(CountingLine.of("mid", new Point(640, 0), new Point(640, 720)));
        List<FrameResult> scene = Scenes.busyScene("cam", 7, 300, 20);
        TrackerOptions options = TrackerOptions.defaults();
        Scenes.Run unbroken = Scenes.run(new StreamTracker("cam", options, zones, lines), scene);
        assertThat(unbroken.events())
                .extracting(TrackEvent::type)
                .contains(
                        TrackEvent.Type.ZONE_ENTER,
                        TrackEvent.Type.ZONE_EXIT,
                        TrackEvent.Type.LINE_CROSSING);

        StreamTracker first = new StreamTracker("cam", options, zones, lines);
        Scenes.Run part1 = Scenes.run(first, List.of());
        part1.events().clear(); // run() ended the (empty) tracker; start over on real frames
        for (FrameResult f : scene.subList(0, 137)) {
            TrackedFrame t = first.process(f);
            part1.results().add(t.result());
            part1.events().addAll(t.events());
        }
        byte[] snapshot = first.snapshot();
        StreamTracker restored = StreamTracker.restore("cam", options, zones, lines, snapshot);
        Scenes.Run part2 = Scenes.run(restored, scene.subList(137, scene.size()));

        List<FrameResult> results = new ArrayList<>(part1.results());
        results.addAll(part2.results());
        List<TrackEvent> events = new ArrayList<>(part1.events());
        events.addAll(part2.events());
        assertThat(results).isEqualTo(unbroken.results());
        assertThat(events).isEqualTo(unbroken.events());
    }

    @Test
    void aCorruptOrForeignSnapshotIsRefusedWithTheStream() {
        TrackerOptions options = TrackerOptions.defaults();
        assertThatThrownBy(
                        () ->
                                StreamTracker.restore(
                                        "cam",
                                        options,
                                        List.of(),
                                        List.of(),
                                        new byte[] {0, 0, 0, 9}))
                .hasMessage(
                        "tracker snapshot of stream 'cam' has format 9; this version reads format 1");
        byte[] good = tracker(options).snapshot();
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 3);
        assertThatThrownBy(() -> StreamTracker.restore("cam", options, List.of(), List.of(), cut))
                .hasMessageStartingWith("tracker snapshot of stream 'cam' is corrupt");
    }

    @Test
    void zoneAndLineIdsMustBeUnique() {
        Zone z = Zone.of("door", List.of(new Point(0, 0), new Point(10, 0), new Point(10, 10)));
        assertThatThrownBy(
                        () ->
                                new StreamTracker(
                                        "cam", TrackerOptions.defaults(), List.of(z, z), List.of()))
                .hasMessage("zone id 'door' is used twice; give each zone its own id");
    }
}
