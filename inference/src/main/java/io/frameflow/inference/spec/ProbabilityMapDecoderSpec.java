package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A model whose output is a per-pixel probability map with one channel per label (already sigmoid),
 * e.g. MediaPipe selfie segmentation or DBNet text detection. A pixel belongs to a class when its
 * probability is at least {@code threshold}.
 *
 * @param output the output tensor's name
 * @param layout the output's layout: {@code NCHW} for [N, classes, H, W], {@code NHWC} for [N, H,
 *     W, classes]
 * @param threshold the default probability threshold, in (0, 1]; 0.5 when absent
 * @param sizeMultiple for a model with dynamic height and width: the input width and height must be
 *     multiples of this (e.g. 32 for DBNet's strides); 1 when absent
 */
public record ProbabilityMapDecoderSpec(
        @JsonProperty(required = true) String output,
        @JsonProperty(required = true) TensorLayout layout,
        Double threshold,
        Integer sizeMultiple)
        implements DecoderSpec {

    public ProbabilityMapDecoderSpec {
        SpecChecks.nonBlank("output", output);
        SpecChecks.required("layout", layout);
        threshold = threshold == null ? 0.5 : SpecChecks.unitInterval("threshold", threshold);
        sizeMultiple =
                sizeMultiple == null ? 1 : SpecChecks.positive("size-multiple", sizeMultiple);
    }

    @Override
    public List<String> outputNames() {
        return List.of(output);
    }
}
