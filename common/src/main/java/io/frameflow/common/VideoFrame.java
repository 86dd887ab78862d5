package io.frameflow.common;

import io.frameflow.common.serde.VideoFrameTypeInfoFactory;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One decoded picture of one stream, packed BGR24 ({@code width * height * 3} bytes, rows without
 * padding). Frames never cross the network: they stay inside one chained task, passed by reference,
 * so the pixel array is shared and must never be modified after the frame is built.
 *
 * @param streamId the stream's id, unique in the job (from the pipeline file)
 * @param seq the frame's number in its stream, from 0; a gap means frames were dropped or lost
 *     upstream (a live stream's drop policy, an outage, lost packets), never silently here
 * @param ptsMicros presentation timestamp in microseconds from the stream's start
 * @param captureTimeMillis capture time in epoch milliseconds, or media milliseconds for files
 * @param timeSource where {@code captureTimeMillis} came from
 * @param width picture width in pixels
 * @param height picture height in pixels
 * @param damaged the decoder found errors in this picture and concealed them: it may show
 *     artefacts, and results computed from it say so
 * @param bgr packed BGR24 pixels
 */
@TypeInfo(VideoFrameTypeInfoFactory.class)
public record VideoFrame(
        String streamId,
        long seq,
        long ptsMicros,
        long captureTimeMillis,
        TimeSource timeSource,
        int width,
        int height,
        boolean damaged,
        byte[] bgr)
        implements StreamItem {

    public VideoFrame {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(timeSource, "timeSource");
        Objects.requireNonNull(bgr, "bgr");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, got " + seq);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "frame size must be positive, got " + width + "x" + height);
        }
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "BGR24 frame of "
                            + width
                            + "x"
                            + height
                            + " needs "
                            + (width * height * 3)
                            + " bytes, got "
                            + bgr.length);
        }
    }

    /** Presentation timestamp in whole milliseconds (rounded down). */
    public long ptsMillis() {
        return Math.floorDiv(ptsMicros, 1000L);
    }

    @Override
    public String toString() {
        return "VideoFrame{" + streamId + "#" + seq + ", " + width + "x" + height + "}";
    }

    // equals/hashCode compare the pixels by content: a record would compare the array reference.
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VideoFrame f)) {
            return false;
        }
        return seq == f.seq
                && ptsMicros == f.ptsMicros
                && captureTimeMillis == f.captureTimeMillis
                && width == f.width
                && height == f.height
                && damaged == f.damaged
                && streamId.equals(f.streamId)
                && timeSource == f.timeSource
                && java.util.Arrays.equals(bgr, f.bgr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, seq, ptsMicros, width, height);
    }
}
