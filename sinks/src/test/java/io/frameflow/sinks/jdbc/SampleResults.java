package io.frameflow.sinks.jdbc;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.Outline;
import io.frameflow.common.Restoration;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
import io.frameflow.common.TimeSource;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Results with known content for the PostgreSQL sink tests and benchmark. */
final class SampleResults {
    private SampleResults() {}

    /**
     * Frame {@code seq} of {@code stream} with {@code detections} detections; the first is a
     * tracked person with a face inside, the others alternate tracked and untracked cars.
     */
    static FrameResult frame(String stream, long seq, int detections) {
        List<Detection> found = new ArrayList<>();
        for (int i = 0; i < detections; i++) {
            float x = 10 * i + seq % 7;
            if (i == 0) {
                Detection face = new Detection("face", 0, 0.91f, x + 2, 3, x + 6, 8);
                found.add(
                        new Detection(
                                "person", 0, 0.8f, x, 1, x + 9.5f, 40, List.of(face), seq + 1));
            } else {
                found.add(
                        new Detection(
                                "car",
                                2,
                                0.5f - 0.01f * i,
                                x,
                                5,
                                x + 20,
                                25,
                                List.of(),
                                i % 2 == 0 ? 100 + i : 0));
            }
        }
        return new FrameResult(
                stream,
                seq,
                seq * 40_000L + 7,
                1_700_000_000_000L + seq * 40,
                TimeSource.SENDER_REPORT,
                1920,
                1080,
                seq % 11 == 3,
                "nanodet-coco@3.0.4",
                found);
    }

    /** A frame that also went through restoration and segmentation stages. */
    static FrameResult restoredAndSegmented(String stream, long seq) {
        FrameResult plain = frame(stream, seq, 2);
        RunLengthMask mask = new RunLengthMask(4, 2, new int[] {3, 2, 3});
        SegmentedArea person =
                new SegmentedArea(
                        "person",
                        0,
                        0.25,
                        mask,
                        List.of(new Outline(new float[] {0, 0, 10, 0, 10, 10})));
        return new FrameResult(
                plain.streamId(),
                plain.seq(),
                plain.ptsMicros(),
                plain.captureTimeMillis(),
                plain.timeSource(),
                plain.width(),
                plain.height(),
                plain.damaged(),
                "waifu2x-noise1@1.6.5>selfie-seg@3.0.4>nanodet-coco@3.0.4",
                plain.detections(),
                new Restoration("waifu2x-noise1@1.6.5", true, Double.POSITIVE_INFINITY, 1.0, 0.04),
                new SegmentationResult("selfie-seg@3.0.4", List.of(person)));
    }

    static WindowResult occupancy(
            String stream, long start, String zone, int revision, double mean) {
        return new WindowResult(
                WindowResult.Kind.OCCUPANCY,
                stream,
                start,
                start + 60_000,
                zone,
                "person",
                revision,
                Map.of("frames", 1500.0, "mean", mean, "max", 4.0, "tracks", 7.0, "entries", 5.0));
    }

    static WindowResult count(String stream, long start, int revision, double detections) {
        return new WindowResult(
                WindowResult.Kind.COUNT,
                stream,
                start,
                start + 10_000,
                "",
                "car",
                revision,
                Map.of(
                        "frames",
                        250.0,
                        "detections",
                        detections,
                        "mean",
                        detections / 250,
                        "max",
                        3.0,
                        "tracks",
                        2.0));
    }

    static TrackEvent trackStart(String stream, long track, long seq) {
        return new TrackEvent(
                TrackEvent.Type.TRACK_START,
                stream,
                track,
                "person",
                seq,
                seq * 40,
                null,
                null,
                0,
                1,
                2,
                3,
                4);
    }

    static TrackEvent crossing(
            String stream, long track, long seq, String line, TrackEvent.Direction d) {
        return new TrackEvent(
                TrackEvent.Type.LINE_CROSSING,
                stream,
                track,
                "person",
                seq,
                seq * 40,
                line,
                d,
                0,
                5,
                6,
                7,
                8);
    }

    static TrackEvent zoneExit(String stream, long track, long seq, String zone, long dwell) {
        return new TrackEvent(
                TrackEvent.Type.ZONE_EXIT,
                stream,
                track,
                "person",
                seq,
                seq * 40,
                zone,
                null,
                dwell,
                5,
                6,
                7,
                8);
    }
}
