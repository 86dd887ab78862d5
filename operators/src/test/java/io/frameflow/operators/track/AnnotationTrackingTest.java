package io.frameflow.operators.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import io.frameflow.common.serde.AnnotatedFrameSerializer;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The in-task copy of the tracker gives annotated frames the ids that the keyed tracker gives the
 * results, also across a snapshot and restore, and on the subtask that gets a stream after a
 * restore.
 */
class AnnotationTrackingTest {
    private static final byte[] PIXELS = new byte[3];

    private static AnnotatedFrame annotated(FrameResult r) {
        return new AnnotatedFrame(
                new VideoFrame(r.streamId(), r.seq(), 0, 0, TimeSource.MEDIA, 1, 1, false, PIXELS),
                r);
    }

    private static OneInputStreamOperatorTestHarness<AnnotatedFrame, AnnotatedFrame> harness(
            OperatorSubtaskState restoreFrom) throws Exception {
        var h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(
                                new AnnotationTracking.TrackFunction(
                                        TrackerOptions.defaults(), List.of(), List.of())),
                        AnnotatedFrameSerializer.INSTANCE);
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    private static List<FrameResult> feed(
            OneInputStreamOperatorTestHarness<AnnotatedFrame, AnnotatedFrame> h,
            List<FrameResult> frames)
            throws Exception {
        h.getOutput().clear();
        for (FrameResult f : frames) {
            h.processElement(annotated(f), f.captureTimeMillis());
        }
        List<FrameResult> out = new ArrayList<>();
        for (AnnotatedFrame a : h.extractOutputValues()) {
            out.add(a.result());
        }
        return out;
    }

    @Test
    void idsEqualTheKeyedTrackersAcrossARestore() throws Exception {
        List<FrameResult> a = Scenes.busyScene("a", 7, 120, 6);
        List<FrameResult> b = Scenes.busyScene("b", 8, 120, 6);
        List<FrameResult> expectedA =
                Scenes.run(
                                new StreamTracker(
                                        "a", TrackerOptions.defaults(), List.of(), List.of()),
                                a)
                        .results();
        List<FrameResult> expectedB =
                Scenes.run(
                                new StreamTracker(
                                        "b", TrackerOptions.defaults(), List.of(), List.of()),
                                b)
                        .results();
        assertThat(Scenes.ids(expectedA).stream().flatMap(List::stream).distinct().count())
                .as("the scene has several tracks")
                .isGreaterThan(3);

        OperatorSubtaskState snapshot;
        List<FrameResult> gotA = new ArrayList<>();
        List<FrameResult> gotB = new ArrayList<>();
        try (var first = harness(null)) {
            gotA.addAll(feed(first, a.subList(0, 60)));
            gotB.addAll(feed(first, b.subList(0, 50)));
            snapshot = first.snapshot(1, 1);
            // frames after the snapshot are lost with the failure and replayed after the restore
            feed(first, a.subList(60, 70));
        }
        // after the restore stream 'a' goes on here; 'b' goes on in a second subtask that also
        // got the union state
        try (var restoredA = harness(snapshot);
                var restoredB = harness(snapshot)) {
            gotA.addAll(feed(restoredA, a.subList(60, 120)));
            gotB.addAll(feed(restoredB, b.subList(50, 120)));
            // the next snapshot of each still holds the other's stream, but not further along
            OperatorSubtaskState next = restoredA.snapshot(2, 2);
            try (var third = harness(next)) {
                List<FrameResult> more =
                        feed(third, List.of(Scenes.frame("a", 120), Scenes.frame("b", 120)));
                assertThat(more).hasSize(2);
            }
        }
        assertThat(Scenes.ids(gotA)).isEqualTo(Scenes.ids(expectedA));
        assertThat(Scenes.ids(gotB)).isEqualTo(Scenes.ids(expectedB));
    }
}
