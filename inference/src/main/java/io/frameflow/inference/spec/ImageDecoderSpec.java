package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The output of an image-to-image (restoration) model: one tensor [N, 3, H x scale, W x scale] in
 * the input's channel order, whose values span {@code range} for black to white.
 *
 * @param output the output tensor's name
 * @param scale the upscaling factor (1 for a denoiser); defaults to 1
 * @param range the values of black and white, e.g. [0, 1] (the default) or [0, 255]; values outside
 *     are clipped
 */
public record ImageDecoderSpec(
        @JsonProperty(required = true) String output, Integer scale, List<Double> range)
        implements DecoderSpec {

    public ImageDecoderSpec {
        SpecChecks.nonBlank("output", output);
        scale = scale == null ? 1 : SpecChecks.positive("scale", scale);
        range = range == null ? List.of(0.0, 1.0) : SpecChecks.nonEmpty("range", range);
        if (range.size() != 2 || !(range.get(1) > range.get(0)) || range.get(1).isInfinite()) {
            throw new SpecValueException(
                    "range", range + " is not valid: expected [black, white] with black < white");
        }
    }

    /** The value that stands for black. */
    public double black() {
        return range.get(0);
    }

    /** The value that stands for white. */
    public double white() {
        return range.get(1);
    }

    @Override
    public List<String> outputNames() {
        return List.of(output);
    }
}
