package io.frameflow.inference.api;

import java.util.Arrays;

/**
 * The outline of one connected region, in pixels of the picture that was passed in: {@code x0, y0,
 * x1, y1, …}, at least three points, not closed (the last point connects back to the first).
 */
public record Polygon(float[] points) {

    public Polygon {
        if (points.length < 6 || points.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "a polygon needs at least three x, y pairs, got " + points.length + " values");
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Polygon p && Arrays.equals(points, p.points);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return "Polygon{" + size() + " points}";
    }
}
