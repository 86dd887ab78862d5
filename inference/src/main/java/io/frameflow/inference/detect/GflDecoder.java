package io.frameflow.inference.detect;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Decodes NanoDet's Generalized-Focal-Loss head. At stride s the input is a grid of (W/s) x (H/s)
 * cells, row-major; cell i has its centre at ((i mod gridW) + 0.5, (i div gridW) + 0.5) * s. Its
 * box tensor row holds 4 sides (left, top, right, bottom) x {@code bins} logits; a side's distance
 * from the centre is the expectation of the softmax over bins 0..bins-1, times s. Its score row
 * holds one already-sigmoid score per class; the best class is the cell's class.
 */
final class GflDecoder {
    private final int[] strides;
    private final int[] gridWidth;
    private final int[] gridHeight;
    private final int bins;
    private final int classes;

    GflDecoder(List<Integer> strides, int bins, int inputWidth, int inputHeight, int classes) {
        this.strides = strides.stream().mapToInt(Integer::intValue).toArray();
        this.gridWidth = new int[this.strides.length];
        this.gridHeight = new int[this.strides.length];
        for (int l = 0; l < this.strides.length; l++) {
            gridWidth[l] = inputWidth / this.strides[l];
            gridHeight[l] = inputHeight / this.strides[l];
        }
        this.bins = bins;
        this.classes = classes;
    }

    int levels() {
        return strides.length;
    }

    /** Number of cells at a level: the first dimension of its score and box tensors. */
    int cells(int level) {
        return gridWidth[level] * gridHeight[level];
    }

    int boxValuesPerCell() {
        return 4 * bins;
    }

    /**
     * Adds each cell of one level whose best score is at least {@code threshold}, with its box
     * multiplied by (scaleX, scaleY) and clipped to [0, maxX] x [0, maxY]. Boxes that clipping
     * leaves empty are dropped.
     */
    void decode(
            int level,
            FloatBuffer scores,
            FloatBuffer boxes,
            float threshold,
            float scaleX,
            float scaleY,
            float maxX,
            float maxY,
            Candidates out) {
        int stride = strides[level];
        int width = gridWidth[level];
        int cells = cells(level);
        for (int cell = 0; cell < cells; cell++) {
            int base = cell * classes;
            int best = 0;
            float bestScore = scores.get(base);
            for (int c = 1; c < classes; c++) {
                float s = scores.get(base + c);
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            if (!(bestScore >= threshold)) {
                continue;
            }
            float cx = (cell % width + 0.5f) * stride;
            float cy = (cell / width + 0.5f) * stride;
            int row = cell * 4 * bins;
            float x1 = clip((cx - expectedBin(boxes, row) * stride) * scaleX, maxX);
            float y1 = clip((cy - expectedBin(boxes, row + bins) * stride) * scaleY, maxY);
            float x2 = clip((cx + expectedBin(boxes, row + 2 * bins) * stride) * scaleX, maxX);
            float y2 = clip((cy + expectedBin(boxes, row + 3 * bins) * stride) * scaleY, maxY);
            if (x2 > x1 && y2 > y1) {
                out.add(x1, y1, x2, y2, bestScore, best);
            }
        }
    }

    /** Σ softmax(logits)[k] · k over the bins starting at {@code offset}. */
    float expectedBin(FloatBuffer logits, int offset) {
        float max = logits.get(offset);
        for (int k = 1; k < bins; k++) {
            max = Math.max(max, logits.get(offset + k));
        }
        float sum = 0;
        float weighted = 0;
        for (int k = 0; k < bins; k++) {
            float e = (float) Math.exp(logits.get(offset + k) - max);
            sum += e;
            weighted += e * k;
        }
        return weighted / sum;
    }

    private static float clip(float value, float max) {
        return Math.min(Math.max(value, 0f), max);
    }
}
