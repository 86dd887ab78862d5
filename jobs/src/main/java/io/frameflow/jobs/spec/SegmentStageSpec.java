package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A segmentation stage. Every field but {@code model} is optional.
 *
 * @param model a catalog name of a segment model, e.g. {@code selfie-seg}
 * @param threshold probability above which a mask cell belongs to a class, 0..1
 * @param minArea smallest connected region, as a fraction of the frame (0..1), that gets an outline
 * @param polygons whether to trace outlines of the regions (default true)
 * @param polygonTolerance largest distance in pixels by which a simplified outline may depart from
 *     the mask's border
 * @param batchSize most frames per inference batch
 * @param maxDelay longest a frame waits for its batch to fill
 * @param backend {@code auto}, {@code tensorrt} or {@code onnxruntime}
 * @param precision {@code fp32} or {@code fp16}
 * @param threads inference threads per parallel instance
 */
public record SegmentStageSpec(
        @JsonProperty("model") String model,
        @JsonProperty("threshold") Double threshold,
        @JsonProperty("min-area") Double minArea,
        @JsonProperty("polygons") Boolean polygons,
        @JsonProperty("polygon-tolerance") Double polygonTolerance,
        @JsonProperty("batch-size") Integer batchSize,
        @JsonProperty("max-delay") DurationValue maxDelay,
        @JsonProperty("backend") String backend,
        @JsonProperty("precision") String precision,
        @JsonProperty("threads") Integer threads)
        implements ModelStageSpec {}
