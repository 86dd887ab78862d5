package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A detection stage. Every field but {@code model} is optional; the model's own defaults and
 * FrameFlow's batching defaults apply where one is missing.
 *
 * @param model a catalog name, e.g. {@code nanodet-coco}
 * @param threshold minimum score of a detection, 0..1
 * @param iouThreshold overlap above which non-maximum suppression drops the weaker box, 0..1
 * @param maxDetections most detections kept per frame
 * @param batchSize most frames per inference batch
 * @param maxDelay longest a frame waits for its batch to fill, e.g. {@code 50ms}
 * @param threads inference threads per parallel instance
 * @param on labels of the earlier (primary) detect stage whose boxes this stage runs on, as crops;
 *     its detections are nested under each box; absent for a stage on whole frames
 * @param cropPadding how far a crop extends beyond its box on each side, as a fraction of the box
 *     (0..1, default 0.1); only with {@code on}
 * @param backend {@code auto}, {@code tensorrt} or {@code onnxruntime}
 * @param precision {@code fp32} or {@code fp16}
 */
public record DetectStageSpec(
        @JsonProperty("model") String model,
        @JsonProperty("threshold") Double threshold,
        @JsonProperty("iou-threshold") Double iouThreshold,
        @JsonProperty("max-detections") Integer maxDetections,
        @JsonProperty("batch-size") Integer batchSize,
        @JsonProperty("max-delay") DurationValue maxDelay,
        @JsonProperty("threads") Integer threads,
        @JsonProperty("on") List<String> on,
        @JsonProperty("crop-padding") Double cropPadding,
        @JsonProperty("backend") String backend,
        @JsonProperty("precision") String precision)
        implements ModelStageSpec {

    /** A detect stage on whole frames with the keys the first pipeline files had. */
    public DetectStageSpec(
            String model,
            Double threshold,
            Double iouThreshold,
            Integer maxDetections,
            Integer batchSize,
            DurationValue maxDelay,
            Integer threads) {
        this(
                model,
                threshold,
                iouThreshold,
                maxDetections,
                batchSize,
                maxDelay,
                threads,
                null,
                null,
                null,
                null);
    }

    /** Whether this stage runs on crops of an earlier stage's detections. */
    public boolean secondary() {
        return on != null;
    }
}
