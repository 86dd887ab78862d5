package io.frameflow.inference.detect;

import io.frameflow.inference.api.DetectedObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-class greedy non-maximum suppression: candidates are taken best score first (ties: earlier
 * candidate first); one is dropped if it overlaps an already kept box of the same class by more
 * than the IoU threshold. Selection stops at the maximum number of detections.
 */
final class NonMaxSuppression {
    private long[] order = new long[64];
    private int[] kept = new int[64];

    /**
     * @return the kept candidates as detections, best score first
     */
    List<DetectedObject> select(
            Candidates candidates, float iouThreshold, int maxDetections, List<String> labels) {
        int n = candidates.size;
        sortByScore(candidates);
        if (kept.length < Math.min(n, maxDetections)) {
            kept = new int[Math.min(n, maxDetections)];
        }
        int keptCount = 0;
        List<DetectedObject> result = new ArrayList<>();
        for (int k = 0; k < n && keptCount < maxDetections; k++) {
            int i = (int) order[k];
            if (!suppressed(candidates, i, keptCount, iouThreshold)) {
                kept[keptCount++] = i;
                int cls = candidates.classId[i];
                result.add(
                        new DetectedObject(
                                cls,
                                labels.get(cls),
                                candidates.score[i],
                                candidates.x1[i],
                                candidates.y1[i],
                                candidates.x2[i],
                                candidates.y2[i]));
            }
        }
        return result;
    }

    private boolean suppressed(Candidates c, int i, int keptCount, float iouThreshold) {
        for (int k = 0; k < keptCount; k++) {
            int j = kept[k];
            if (c.classId[j] == c.classId[i] && c.iou(i, j) > iouThreshold) {
                return true;
            }
        }
        return false;
    }

    /**
     * Orders candidate indices by descending score without boxing: each key packs the inverted
     * score bits above the index (scores are non-negative, so their float bits sort like them).
     */
    private void sortByScore(Candidates c) {
        if (order.length < c.size) {
            order = new long[c.size];
        }
        for (int i = 0; i < c.size; i++) {
            long bits = Float.floatToIntBits(Math.max(c.score[i], 0f));
            order[i] = ((Integer.MAX_VALUE - bits) << 32) | i;
        }
        Arrays.sort(order, 0, c.size);
        for (int i = 0; i < c.size; i++) {
            order[i] &= 0xFFFFFFFFL;
        }
    }
}
