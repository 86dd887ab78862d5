package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * The image input of a model: tensor name, layout, size, how a picture is fitted to it, channel
 * order and normalisation. A pixel value {@code p} (0..255) becomes {@code (p * scale - mean[c]) /
 * std[c]}, with channels in {@link #color()} order.
 */
public record InputSpec(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) TensorLayout layout,
        @JsonProperty(required = true) int width,
        @JsonProperty(required = true) int height,
        ResizeMode resize,
        ColorOrder color,
        Double scale,
        List<Double> mean,
        List<Double> std)
        implements Serializable {

    public InputSpec {
        SpecChecks.nonBlank("name", name);
        SpecChecks.required("layout", layout);
        SpecChecks.positive("width", width);
        SpecChecks.positive("height", height);
        resize = resize == null ? ResizeMode.STRETCH : resize;
        color = color == null ? ColorOrder.RGB : color;
        scale = scale == null ? 1.0 : SpecChecks.positive("scale", scale);
        mean = mean == null ? List.of(0.0, 0.0, 0.0) : threeChannels("mean", mean);
        std = std == null ? List.of(1.0, 1.0, 1.0) : threeChannels("std", std);
        for (int c = 0; c < 3; c++) {
            SpecChecks.positive("std[" + c + "]", std.get(c));
        }
    }

    private static List<Double> threeChannels(String key, List<Double> values) {
        if (values.size() != 3) {
            throw new SpecValueException(
                    key,
                    values + " has " + values.size() + " values; expected 3 (one per channel)");
        }
        return SpecChecks.nonEmpty(key, values);
    }
}
