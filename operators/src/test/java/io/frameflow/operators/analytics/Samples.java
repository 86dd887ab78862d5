package io.frameflow.operators.analytics;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.TrackEvent;
import java.util.List;

/** Synthetic frame results and track events with known figures. */
final class Samples {
    private Samples() {}

    static FrameResult frame(String stream, long seq, long captureMillis, Detection... detections) {
        return new FrameResult(
                stream,
                seq,
                captureMillis * 1000,
                captureMillis,
                TimeSource.MEDIA,
                640,
                480,
                false,
                "fake@1",
                List.of(detections));
    }

    /** A detection whose anchor (middle of the bottom edge) is at ({@code x}, {@code y}). */
    static Detection at(String label, double x, double y, long track) {
        return new Detection(
                label,
                0,
                0.9f,
                (float) (x - 10),
                (float) (y - 40),
                (float) (x + 10),
                (float) y,
                List.of(),
                track);
    }

    static TrackEvent zoneEnter(
            String stream, String zone, String label, long track, long seq, long t) {
        return new TrackEvent(
                TrackEvent.Type.ZONE_ENTER,
                stream,
                track,
                label,
                seq,
                t,
                zone,
                null,
                0,
                0,
                0,
                1,
                1);
    }

    static TrackEvent crossing(
            String stream,
            String line,
            TrackEvent.Direction direction,
            String label,
            long track,
            long seq,
            long t) {
        return new TrackEvent(
                TrackEvent.Type.LINE_CROSSING,
                stream,
                track,
                label,
                seq,
                t,
                line,
                direction,
                0,
                0,
                0,
                1,
                1);
    }

    static TrackEvent trackStart(String stream, String label, long track, long seq, long t) {
        return new TrackEvent(
                TrackEvent.Type.TRACK_START,
                stream,
                track,
                label,
                seq,
                t,
                null,
                null,
                0,
                0,
                0,
                1,
                1);
    }

    /** The square zone from (100, 100) to (300, 300). */
    static Zone square(String id) {
        return Zone.of(
                id,
                List.of(
                        new Point(100, 100),
                        new Point(300, 100),
                        new Point(300, 300),
                        new Point(100, 300)));
    }
}
