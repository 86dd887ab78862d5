package io.frameflow.inference.api;

import java.util.Arrays;

/**
 * A binary mask as run lengths: the pixels of a {@code width x height} grid in row-major order,
 * alternating runs of 0 and 1 starting with a (possibly empty) run of 0. The counts sum to {@code
 * width * height}. The grid covers the whole picture: pixel (x, y) of a {@code W x H} picture is
 * cell ({@code x * width / W}, {@code y * height / H}).
 */
public record RleMask(int width, int height, int[] counts) {

    public RleMask {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "mask size must be positive, got " + width + "x" + height);
        }
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0 || (counts[i] == 0 && i > 0)) {
                throw new IllegalArgumentException(
                        "run " + i + " of a mask has length " + counts[i]);
            }
            total += counts[i];
        }
        if (total != (long) width * height) {
            throw new IllegalArgumentException(
                    "mask runs cover " + total + " cells of a " + width + "x" + height + " grid");
        }
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** Number of cells set. */
    public long area() {
        long area = 0;
        for (int i = 1; i < counts.length; i += 2) {
            area += counts[i];
        }
        return area;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RleMask m
                && width == m.width
                && height == m.height
                && Arrays.equals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "RleMask{" + width + "x" + height + ", " + counts.length + " runs}";
    }
}
