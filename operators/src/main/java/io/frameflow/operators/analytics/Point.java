package io.frameflow.operators.analytics;

import java.io.Serializable;

/**
 * A point in pixels of the source frame (x to the right, y downwards).
 *
 * @param x horizontal position
 * @param y vertical position
 */
public record Point(double x, double y) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(
                    "a point needs finite coordinates, got [" + x + ", " + y + "]");
        }
    }

    /** The point objects are placed at: the middle of the bottom edge of their box (their feet). */
    public static Point anchorOf(float x1, float y1, float x2, float y2) {
        return new Point((x1 + (double) x2) / 2, y2);
    }

    @Override
    public String toString() {
        return "[" + x + ", " + y + "]";
    }
}
