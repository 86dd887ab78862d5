package io.frameflow.inference.segment;

import io.frameflow.inference.api.RleMask;
import java.util.Arrays;

/** Run-length encoding of a binary mask grid (one byte per cell, non-zero = set). */
final class MaskRle {
    private MaskRle() {}

    /**
     * Encodes a {@code width x height} grid in row-major order: alternating runs of unset and set
     * cells, starting with a (possibly empty) run of unset cells.
     */
    static RleMask encode(byte[] cells, int width, int height) {
        int size = width * height;
        if (cells.length < size) {
            throw new IllegalArgumentException(
                    "a "
                            + width
                            + "x"
                            + height
                            + " mask needs "
                            + size
                            + " cells, got "
                            + cells.length);
        }
        int[] runs = new int[16];
        int count = 0;
        boolean set = false;
        int length = 0;
        for (int i = 0; i < size; i++) {
            boolean cell = cells[i] != 0;
            if (cell != set) {
                if (count == runs.length) {
                    runs = Arrays.copyOf(runs, runs.length * 2);
                }
                runs[count++] = length;
                set = cell;
                length = 0;
            }
            length++;
        }
        if (count == runs.length) {
            runs = Arrays.copyOf(runs, runs.length + 1);
        }
        runs[count++] = length;
        return new RleMask(width, height, Arrays.copyOf(runs, count));
    }

    /** The grid a mask encodes, one byte per cell (1 = set). */
    static byte[] decode(RleMask mask) {
        byte[] cells = new byte[mask.width() * mask.height()];
        int at = 0;
        int[] counts = mask.counts();
        for (int i = 0; i < counts.length; i++) {
            if (i % 2 == 1) {
                Arrays.fill(cells, at, at + counts[i], (byte) 1);
            }
            at += counts[i];
        }
        return cells;
    }
}
