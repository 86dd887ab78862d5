package io.frameflow.operators.track;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import java.util.List;

/**
 * What {@link StreamTracker#process} made of one frame result.
 *
 * @param result the result with track ids on the detections of confirmed tracks
 * @param events what happened at this frame, in order: tracks that ended because they were lost too
 *     long (each with its zone exits first), then for each track in the order the tracks started:
 *     its start, zone exits, zone entries, line crossings
 * @param tracked false when the frame was not after the last one the tracker took (a duplicate or a
 *     frame out of order): the result then passes unchanged and there are no events
 */
public record TrackedFrame(FrameResult result, List<TrackEvent> events, boolean tracked) {
    public TrackedFrame {
        events = List.copyOf(events);
    }
}
