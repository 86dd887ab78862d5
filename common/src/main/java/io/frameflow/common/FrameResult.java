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
 * @param model the models that produced this result, one {@code name@version} per model stage in
 *     pipeline order, joined by {@value #MODEL_SEPARATOR} (e.g. {@code
 *     waifu2x-noise1@1.6.5>nanodet-coco@3.0.4}); with a single stage just that model's id
 * @param detections the objects found by the (primary) detection stage, best score first, each with
 *     what secondary stages found inside it; empty when none or without a detection stage
 * @param restoration what the restoration stage did; null without a restoration stage
 * @param segmentation what the segmentation stage found; null without a segmentation stage
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
        List<Detection> detections,
        Restoration restoration,
        SegmentationResult segmentation) {

    /** Separates the stages' model ids in {@link #model()}. */
    public static final String MODEL_SEPARATOR = ">";

    public FrameResult {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(timeSource, "timeSource");
        Objects.requireNonNull(model, "model");
        detections = List.copyOf(detections);
    }

    /** A result of a pipeline with a single detection stage. */
    public FrameResult(
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
        this(
                streamId,
                seq,
                ptsMicros,
                captureTimeMillis,
                timeSource,
                width,
                height,
                damaged,
                model,
                detections,
                null,
                null);
    }

    /** The model identity of a chain of stages: their model ids, in order, joined. */
    public static String modelOf(List<String> stageModels) {
        if (stageModels.isEmpty()) {
            throw new IllegalArgumentException("a result needs at least one model stage");
        }
        return String.join(MODEL_SEPARATOR, stageModels);
    }

    /** The result of a frame that went through every model stage. */
    public static FrameResult of(StagedFrame staged) {
        VideoFrame frame = staged.source();
        return new FrameResult(
                frame.streamId(),
                frame.seq(),
                frame.ptsMicros(),
                frame.captureTimeMillis(),
                frame.timeSource(),
                frame.width(),
                frame.height(),
                frame.damaged(),
                modelOf(staged.models()),
                staged.detections() == null ? List.of() : staged.detections(),
                staged.restoration(),
                staged.segmentation());
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
