package io.frameflow.common;

import java.util.Arrays;

/**
 * A binary mask as run lengths over a {@code width x height} grid that covers the whole frame, in
 * row-major order, alternating runs of 0 and 1 and starting with a (possibly empty) run of 0; the
 * counts sum to {@code width * height}. Pixel (x, y) of a {@code W x H} frame falls in cell ({@code
 * x * width / W}, {@code y * height / H}), so the grid may be coarser than the frame (a model's
 * output resolution).
 */
public record RunLengthMask(int width, int height, int[] counts) {

    public RunLengthMask {
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

    /** Number of runs, without copying them. */
    public int runCount() {
        return counts.length;
    }

    /** Run {@code i}, without copying the array. */
    public int run(int i) {
        return counts[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunLengthMask m
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
        return "RunLengthMask{" + width + "x" + height + ", " + counts.length + " runs}";
    }
}
