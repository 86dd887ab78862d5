package io.frameflow.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A frame on its way through a chain of model stages, with the results so far. Chained stages hand
 * it on by reference; only the last one turns it into a {@link FrameResult}. Like {@link
 * VideoFrame}, it never crosses the network in a well-formed job (its serializer exists for the
 * rare job where chaining is broken).
 *
 * @param source the frame as decoded: its identity, times and size are the result's, and every box
 *     and polygon is reported in its pixels
 * @param image the picture later stages see: {@code source} itself, or what a restoration stage
 *     made of it (possibly larger, after an upscaling model)
 * @param models the model ids of the stages passed so far, in order
 * @param restoration the restoration stage's report, or null
 * @param segmentation the segmentation stage's result, or null
 * @param detections the primary detection stage's objects (with their children), or null before a
 *     detection stage
 */
public record StagedFrame(
        VideoFrame source,
        VideoFrame image,
        List<String> models,
        Restoration restoration,
        SegmentationResult segmentation,
        List<Detection> detections)
        implements StreamItem {

    public StagedFrame {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(image, "image");
        models = List.copyOf(models);
        detections = detections == null ? null : List.copyOf(detections);
        if (!image.streamId().equals(source.streamId()) || image.seq() != source.seq()) {
            throw new IllegalArgumentException(
                    "the staged image " + image + " is not a version of frame " + source);
        }
    }

    /** A frame that enters the first stage. */
    public static StagedFrame of(VideoFrame frame) {
        return new StagedFrame(frame, frame, List.of(), null, null, null);
    }

    @Override
    public String streamId() {
        return source.streamId();
    }

    /** Horizontal scale from {@link #image()} pixels to {@link #source()} pixels. */
    public float scaleX() {
        return (float) source.width() / image.width();
    }

    /** Vertical scale from {@link #image()} pixels to {@link #source()} pixels. */
    public float scaleY() {
        return (float) source.height() / image.height();
    }

    /** This frame after a restoration stage: {@code restored} replaces the image. */
    public StagedFrame restored(VideoFrame restored, Restoration report) {
        return new StagedFrame(
                source, restored, plus(report.model()), report, segmentation, detections);
    }

    /** This frame after a segmentation stage. */
    public StagedFrame segmented(SegmentationResult result) {
        return new StagedFrame(
                source, image, plus(result.model()), restoration, result, detections);
    }

    /** This frame after a detection stage of {@code model}, with {@code found} as its objects. */
    public StagedFrame detected(String model, List<Detection> found) {
        return new StagedFrame(source, image, plus(model), restoration, segmentation, found);
    }

    private List<String> plus(String model) {
        List<String> all = new ArrayList<>(models.size() + 1);
        all.addAll(models);
        all.add(Objects.requireNonNull(model, "model"));
        return all;
    }

    @Override
    public String toString() {
        return "StagedFrame{"
                + source
                + ", image "
                + image.width()
                + "x"
                + image.height()
                + ", models "
                + models
                + "}";
    }
}
