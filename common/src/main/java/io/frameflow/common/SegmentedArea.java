package io.frameflow.common;

import java.util.List;
import java.util.Objects;

/**
 * One class of a segmentation result.
 *
 * @param label class name, e.g. {@code person} or {@code text}
 * @param classId index of the label in the model's label list
 * @param areaFraction share of the frame's area that belongs to the class, in [0, 1]
 * @param mask the class's mask, at the model's output resolution
 * @param polygons outlines of the class's connected regions (largest first), in pixels of the
 *     source frame
 */
public record SegmentedArea(
        String label,
        int classId,
        double areaFraction,
        RunLengthMask mask,
        List<Outline> polygons) {

    public SegmentedArea {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(mask, "mask");
        if (!(areaFraction >= 0 && areaFraction <= 1)) {
            throw new IllegalArgumentException(
                    "area fraction must be in [0, 1], got " + areaFraction);
        }
        polygons = List.copyOf(polygons);
    }
}
