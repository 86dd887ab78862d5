package io.frameflow.inference.segment;

import java.util.Arrays;

/**
 * Douglas–Peucker simplification of a closed outline: drops points while every dropped point stays
 * within {@code tolerance} of the simplified outline. The outline is split at its first point and
 * the point farthest from it, and each half is simplified as an open chain.
 */
final class PolygonSimplifier {
    private PolygonSimplifier() {}

    /**
     * @param points x0, y0, x1, y1, … of a closed outline (not repeating its first point)
     * @param tolerance largest allowed distance of a dropped point, in the points' units; 0 keeps
     *     every point that is not exactly on a straight line between its kept neighbours
     * @return the kept points in their original order; the input itself if fewer than three points
     *     would remain
     */
    static float[] simplify(float[] points, double tolerance) {
        int n = points.length / 2;
        if (n <= 3) {
            return points;
        }
        int far = farthestFrom(points, 0, n);
        boolean[] keep = new boolean[n + 1];
        keep[0] = true;
        keep[far] = true;
        keep[n] = true;
        simplifyChain(points, 0, far, tolerance, keep);
        simplifyChain(points, far, n, tolerance, keep);
        float[] kept = new float[points.length];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                kept[count++] = points[2 * i];
                kept[count++] = points[2 * i + 1];
            }
        }
        return count < 6 ? points : Arrays.copyOf(kept, count);
    }

    /** Marks the points of chain first..last (index n stands for point 0 again) to keep. */
    private static void simplifyChain(
            float[] points, int first, int last, double tolerance, boolean[] keep) {
        int n = points.length / 2;
        int[] stack = new int[2 * (last - first + 1)];
        int top = 0;
        stack[top++] = first;
        stack[top++] = last;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            double worst = -1;
            int worstIndex = -1;
            for (int i = a + 1; i < b; i++) {
                double d = distance(points, i % n, a % n, b % n);
                if (d > worst) {
                    worst = d;
                    worstIndex = i;
                }
            }
            if (worstIndex >= 0 && worst > tolerance) {
                keep[worstIndex] = true;
                stack[top++] = a;
                stack[top++] = worstIndex;
                stack[top++] = worstIndex;
                stack[top++] = b;
            }
        }
    }

    private static int farthestFrom(float[] points, int from, int n) {
        int best = 1;
        double bestDistance = -1;
        for (int i = 1; i < n; i++) {
            double dx = points[2 * i] - points[2 * from];
            double dy = points[2 * i + 1] - points[2 * from + 1];
            double d = dx * dx + dy * dy;
            if (d > bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** Distance of point p from the segment a–b. */
    private static double distance(float[] points, int p, int a, int b) {
        double px = points[2 * p];
        double py = points[2 * p + 1];
        double ax = points[2 * a];
        double ay = points[2 * a + 1];
        double dx = points[2 * b] - ax;
        double dy = points[2 * b + 1] - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double ex = ax + t * dx - px;
        double ey = ay + t * dy - py;
        return Math.sqrt(ex * ex + ey * ey);
    }
}
