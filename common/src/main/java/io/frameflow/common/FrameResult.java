package io.frameflow.common;

import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What the model stages found in one frame. This is what crosses the network and reaches the sinks;
 * its identity is (stream, seq, model), so a consumer can drop duplicates after a replay.
 *
 * @param streamId the stream's id
 * @param seq the frame's number in its stream, from 0
 * @param ptsMicros presentation timestamp in microseconds
 * @param captureTimeMillis capture time (see {@link TimeSource})
 * @param timeSource where the capture time came from
 * @param width source frame width in pixels
 * @param height source frame height in pixels
 * @param damaged the decoder concealed errors in the source picture, so results may be off
 * @param model the model that produced the detections, as {@code name@version}
 * @param detections the objects found, best score first; empty when none
 */
@TypeInfo(FrameResultTypeInfoFactory.class)
public record FrameResult(
        String streamId,
        long seq,
        long ptsMicros,
        long captureTimeMillis,
        TimeSource timeSource,
        int width,
        int height,
        boolean damaged,
        String model,
        List<Detection> detections) {

    public FrameResult {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(timeSource, "timeSource");
        Objects.requireNonNull(model, "model");
        detections = List.copyOf(detections);
    }

    /** The result for {@code frame}, carrying over its identity, times and size. */
    public static FrameResult of(VideoFrame frame, String model, List<Detection> detections) {
        return new FrameResult(
                frame.streamId(),
                frame.seq(),
                frame.ptsMicros(),
                frame.captureTimeMillis(),
                frame.timeSource(),
                frame.width(),
                frame.height(),
                frame.damaged(),
                model,
                detections);
    }

    /** Presentation timestamp in whole milliseconds (rounded down). */
    public long ptsMillis() {
        return Math.floorDiv(ptsMicros, 1000L);
    }
}
