package io.frameflow.ingest.source;

import io.frameflow.common.TimeSource;
import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import java.util.function.LongSupplier;

/**
 * A frame's capture time and where it came from, chosen in this order: a file's media time (files
 * have no wall clock; event time is the position in the file); the sender's wall clock from RTCP
 * sender reports; the time the frame was decoded here.
 *
 * <p>A live stream starts with arrival times and switches to sender-report times once the first
 * report is in (often a few seconds after the start). The two clocks differ by the transport delay
 * and by any offset of the camera's clock, so capture times can step back at the switch; each frame
 * says which clock it carries.
 *
 * @param millis epoch milliseconds, or media milliseconds for files
 * @param source which clock {@code millis} is on
 */
record CaptureTime(long millis, TimeSource source) {

    /**
     * @param file the stream is a local file
     * @param ptsMicros the PTS the frame is emitted with (for files, its position)
     * @param frame the decoded frame, with the sender's wall clock when known
     * @param wallClock epoch milliseconds now, for arrival times
     */
    static CaptureTime of(
            boolean file, long ptsMicros, DecodedFrame frame, LongSupplier wallClock) {
        if (file) {
            return new CaptureTime(Math.floorDiv(ptsMicros, 1000L), TimeSource.MEDIA);
        }
        if (frame.hasWallClock()) {
            return new CaptureTime(
                    Math.floorDiv(frame.wallClockMicros(), 1000L), TimeSource.SENDER_REPORT);
        }
        return new CaptureTime(wallClock.getAsLong(), TimeSource.ARRIVAL);
    }
}
