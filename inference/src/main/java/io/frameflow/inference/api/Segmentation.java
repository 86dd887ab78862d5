package io.frameflow.inference.api;

import java.util.List;

/**
 * What a segmentation model found in one picture: one entry per class of the model (background
 * excluded), in the model's label order.
 */
public record Segmentation(List<SegmentedClass> classes) {

    public Segmentation {
        classes = List.copyOf(classes);
    }
}
