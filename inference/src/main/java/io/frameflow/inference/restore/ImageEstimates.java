package io.frameflow.inference.restore;

import io.frameflow.inference.api.BgrImage;

/**
 * Cheap whole-frame estimates that tell a noisy or blurred frame from a clean one without running a
 * model. Both work on luma (BT.601 weights) and take one pass over the frame.
 */
public final class ImageEstimates {
    private ImageEstimates() {}

    /**
     * The standard deviation of additive white Gaussian noise, in 0..1 units, by Immerkær's fast
     * noise estimation (1996): the mean absolute response to a 3x3 mask that cancels smooth signal,
     * times sqrt(pi / 2) / 6. Texture adds to it, so thresholds are picture dependent.
     */
    public static double noiseSigma(BgrImage image) {
        int w = image.width();
        int h = image.height();
        if (w < 3 || h < 3) {
            return 0;
        }
        float[] above = lumaRow(image, 0, new float[w]);
        float[] row = lumaRow(image, 1, new float[w]);
        float[] below = new float[w];
        double sum = 0;
        for (int y = 1; y < h - 1; y++) {
            lumaRow(image, y + 1, below);
            for (int x = 1; x < w - 1; x++) {
                // mask [1 -2 1; -2 4 -2; 1 -2 1]
                double response =
                        above[x - 1]
                                - 2 * above[x]
                                + above[x + 1]
                                - 2 * (row[x - 1] - 2 * row[x] + row[x + 1])
                                + below[x - 1]
                                - 2 * below[x]
                                + below[x + 1];
                sum += Math.abs(response);
            }
            float[] recycled = above;
            above = row;
            row = below;
            below = recycled;
        }
        return Math.sqrt(Math.PI / 2) * sum / (6.0 * (w - 2) * (h - 2)) / 255.0;
    }

    /**
     * The variance of the 4-neighbour Laplacian of luma (0..255 units) over the frame's interior:
     * sharp frames have many strong edges and a high variance, blurred ones a low one.
     */
    public static double laplacianVariance(BgrImage image) {
        int w = image.width();
        int h = image.height();
        if (w < 3 || h < 3) {
            return 0;
        }
        float[] above = lumaRow(image, 0, new float[w]);
        float[] row = lumaRow(image, 1, new float[w]);
        float[] below = new float[w];
        double sum = 0;
        double sumSquares = 0;
        for (int y = 1; y < h - 1; y++) {
            lumaRow(image, y + 1, below);
            for (int x = 1; x < w - 1; x++) {
                double laplacian = above[x] + below[x] + row[x - 1] + row[x + 1] - 4 * row[x];
                sum += laplacian;
                sumSquares += laplacian * laplacian;
            }
            float[] recycled = above;
            above = row;
            row = below;
            below = recycled;
        }
        double n = (double) (w - 2) * (h - 2);
        double mean = sum / n;
        return sumSquares / n - mean * mean;
    }

    /** Row {@code y} of the image's luma (0..255) into {@code out}. */
    static float[] lumaRow(BgrImage image, int y, float[] out) {
        byte[] bgr = image.bgr();
        int at = y * image.width() * 3;
        for (int x = 0; x < image.width(); x++, at += 3) {
            out[x] = luma(bgr[at] & 0xFF, bgr[at + 1] & 0xFF, bgr[at + 2] & 0xFF);
        }
        return out;
    }

    static float luma(int b, int g, int r) {
        return 0.114f * b + 0.587f * g + 0.299f * r;
    }
}
