package io.frameflow.inference.detect;

import java.util.Arrays;

/**
 * Boxes that passed the score threshold, before NMS, as parallel arrays that grow once and are
 * reused for every frame (a frame's candidates are cleared, not reallocated).
 */
final class Candidates {
    float[] x1 = new float[64];
    float[] y1 = new float[64];
    float[] x2 = new float[64];
    float[] y2 = new float[64];
    float[] score = new float[64];
    int[] classId = new int[64];
    int size;

    void clear() {
        size = 0;
    }

    void add(float bx1, float by1, float bx2, float by2, float s, int cls) {
        if (size == score.length) {
            int capacity = size * 2;
            x1 = Arrays.copyOf(x1, capacity);
            y1 = Arrays.copyOf(y1, capacity);
            x2 = Arrays.copyOf(x2, capacity);
            y2 = Arrays.copyOf(y2, capacity);
            score = Arrays.copyOf(score, capacity);
            classId = Arrays.copyOf(classId, capacity);
        }
        x1[size] = bx1;
        y1[size] = by1;
        x2[size] = bx2;
        y2[size] = by2;
        score[size] = s;
        classId[size] = cls;
        size++;
    }

    /** Intersection over union of candidates i and j; 0 if both are empty. */
    float iou(int i, int j) {
        float w = Math.min(x2[i], x2[j]) - Math.max(x1[i], x1[j]);
        float h = Math.min(y2[i], y2[j]) - Math.max(y1[i], y1[j]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float inter = w * h;
        float union = area(i) + area(j) - inter;
        return union > 0 ? inter / union : 0;
    }

    private float area(int i) {
        return (x2[i] - x1[i]) * (y2[i] - y1[i]);
    }
}
