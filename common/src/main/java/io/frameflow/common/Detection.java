package io.frameflow.common;

import java.util.Objects;

/**
 * One detected object in a frame.
 *
 * @param label class name from the model's label list, e.g. {@code "person"}
 * @param classId index of the label in the model's label list
 * @param score confidence in [0, 1]
 * @param x1 left edge, in pixels of the source frame
 * @param y1 top edge, in pixels of the source frame
 * @param x2 right edge, in pixels of the source frame
 * @param y2 bottom edge, in pixels of the source frame
 */
public record Detection(
        String label, int classId, float score, float x1, float y1, float x2, float y2) {

    public Detection {
        Objects.requireNonNull(label, "label");
        if (!(score >= 0f && score <= 1f)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new IllegalArgumentException(
                    "box must have x2 >= x1 and y2 >= y1, got ["
                            + x1
                            + ", "
                            + y1
                            + ", "
                            + x2
                            + ", "
                            + y2
                            + "]");
        }
    }
}
