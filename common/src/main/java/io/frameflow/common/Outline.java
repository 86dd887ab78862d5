package io.frameflow.common;

import java.util.Arrays;

/**
 * The outline of one connected region of a segmentation class, in pixels of the source frame:
 * {@code x0, y0, x1, y1, …}, at least three points, not closed (the last point connects back to the
 * first).
 */
public record Outline(float[] points) {

    public Outline {
        if (points.length < 6 || points.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "an outline needs at least three x, y pairs, got " + points.length + " values");
        }
        points = points.clone();
    }

    @Override
    public float[] points() {
        return points.clone();
    }

    /** Number of points. */
    public int size() {
        return points.length / 2;
    }

    /** Coordinate {@code i} ({@code x} of point {@code i / 2} when even), without copying. */
    public float coordinate(int i) {
        return points[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outline p && Arrays.equals(points, p.points);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return "Outline{" + size() + " points}";
    }
}
