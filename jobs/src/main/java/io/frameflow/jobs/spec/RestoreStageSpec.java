package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A restoration stage. Every field but {@code model} is optional; the model's own defaults and
 * FrameFlow's batching defaults apply where one is missing.
 *
 * @param model a catalog name of a restore model, e.g. {@code waifu2x-noise1}
 * @param tile side in pixels of the square tiles a large frame is cut into
 * @param overlap pixels by which neighbouring tiles overlap
 * @param gate restore only frames whose noise estimate (standard deviation, 0..1) is at least this;
 *     without it every frame is restored
 * @param batchSize most frames per inference batch
 * @param maxDelay longest a frame waits for its batch to fill, e.g. {@code 50ms}
 * @param backend {@code auto}, {@code tensorrt} or {@code onnxruntime}
 * @param precision {@code fp32} or {@code fp16}
 * @param threads inference threads per parallel instance
 */
public record RestoreStageSpec(
        @JsonProperty("model") String model,
        @JsonProperty("tile") Integer tile,
        @JsonProperty("overlap") Integer overlap,
        @JsonProperty("gate") Double gate,
        @JsonProperty("batch-size") Integer batchSize,
        @JsonProperty("max-delay") DurationValue maxDelay,
        @JsonProperty("backend") String backend,
        @JsonProperty("precision") String precision,
        @JsonProperty("threads") Integer threads)
        implements ModelStageSpec {}
