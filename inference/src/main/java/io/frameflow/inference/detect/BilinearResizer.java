package io.frameflow.inference.detect;

/**
 * Bilinear resampling tables from one source size to one destination size, with pixel centres at
 * half-integers (the OpenCV {@code INTER_LINEAR} convention: source x = (x + 0.5) * srcW / dstW -
 * 0.5, clamped to the picture). A video stream has one frame size, so the tables are built on the
 * first frame and reused for every later one; they are rebuilt only when a size changes.
 */
final class BilinearResizer {
    private int dstWidth = -1;
    private int dstHeight = -1;
    private int srcWidth = -1;
    private int srcHeight = -1;

    /** Byte offset of the left and right neighbour of each destination column (x * 3). */
    int[] left;

    int[] right;

    /** Weight of the right neighbour of each destination column. */
    float[] rightWeight;

    /** Byte offset of the upper and lower neighbour row of each destination row. */
    int[] upper;

    int[] lower;

    /** Weight of the lower row of each destination row. */
    float[] lowerWeight;

    /** Makes the tables fit a source and destination size; cheap when neither changed. */
    void prepare(int width, int height, int toWidth, int toHeight) {
        if (width == srcWidth
                && height == srcHeight
                && toWidth == dstWidth
                && toHeight == dstHeight) {
            return;
        }
        dstWidth = toWidth;
        dstHeight = toHeight;
        left = new int[dstWidth];
        right = new int[dstWidth];
        rightWeight = new float[dstWidth];
        fill(width, dstWidth, 3, left, right, rightWeight);
        upper = new int[dstHeight];
        lower = new int[dstHeight];
        lowerWeight = new float[dstHeight];
        fill(height, dstHeight, width * 3, upper, lower, lowerWeight);
        srcWidth = width;
        srcHeight = height;
    }

    private static void fill(int src, int dst, int step, int[] lo, int[] hi, float[] hiWeight) {
        double scale = (double) src / dst;
        for (int i = 0; i < dst; i++) {
            double pos = Math.min(Math.max((i + 0.5) * scale - 0.5, 0), src - 1);
            int i0 = (int) pos;
            int i1 = Math.min(i0 + 1, src - 1);
            lo[i] = i0 * step;
            hi[i] = i1 * step;
            hiWeight[i] = (float) (pos - i0);
        }
    }
}
