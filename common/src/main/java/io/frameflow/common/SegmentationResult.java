package io.frameflow.common;

import java.util.List;
import java.util.Objects;

/**
 * What a segmentation stage found in one frame: one entry per class of the model (background
 * excluded), in the model's label order.
 *
 * @param model the segmentation model, as {@code name@version}
 * @param classes the classes
 */
public record SegmentationResult(String model, List<SegmentedArea> classes) {

    public SegmentationResult {
        Objects.requireNonNull(model, "model");
        classes = List.copyOf(classes);
    }
}
