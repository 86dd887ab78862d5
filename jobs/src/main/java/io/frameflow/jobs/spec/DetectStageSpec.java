package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

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
 */
public record DetectStageSpec(
        @JsonProperty("model") String model,
        @JsonProperty("threshold") Double threshold,
        @JsonProperty("iou-threshold") Double iouThreshold,
        @JsonProperty("max-detections") Integer maxDetections,
        @JsonProperty("batch-size") Integer batchSize,
        @JsonProperty("max-delay") DurationValue maxDelay,
        @JsonProperty("threads") Integer threads) {}
