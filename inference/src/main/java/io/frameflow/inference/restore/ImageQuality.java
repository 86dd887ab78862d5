package io.frameflow.inference.restore;

import io.frameflow.inference.api.BgrImage;

/**
 * PSNR and SSIM between a frame and its restored version. An upscaled output is first reduced to
 * the input's size by averaging each factor x factor block. PSNR is over all three channels (peak
 * 255); SSIM is on luma, averaged over 8x8 windows placed every 4 pixels, with the usual constants
 * (K1 = 0.01, K2 = 0.03, L = 255). Keeps scratch arrays between calls: one instance per thread.
 */
public final class ImageQuality {
    static final int WINDOW = 8;
    static final int WINDOW_STEP = 4;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    private byte[] reduced = new byte[0];
    private float[] lumaA = new float[0];
    private float[] lumaB = new float[0];

    /** PSNR in dB ({@code +Infinity} when identical) and SSIM. */
    record Scores(double psnr, double ssim) {}

    Scores measure(BgrImage input, BgrImage output, int factor) {
        if (output.width() != input.width() * factor
                || output.height() != input.height() * factor) {
            throw new IllegalArgumentException(
                    "output "
                            + output.width()
                            + "x"
                            + output.height()
                            + " is not "
                            + factor
                            + " times the input "
                            + input.width()
                            + "x"
                            + input.height());
        }
        byte[] compared = factor == 1 ? output.bgr() : reduce(output, factor);
        int pixels = input.width() * input.height();
        return new Scores(
                psnr(input.bgr(), compared, pixels * 3),
                ssim(input.bgr(), compared, input.width(), input.height()));
    }

    /**
     * PSNR in dB of two pictures of the same size over all three channels; {@code +Infinity} when
     * they are identical.
     */
    public static double psnr(BgrImage a, BgrImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException(
                    "PSNR needs pictures of one size, got "
                            + a.width()
                            + "x"
                            + a.height()
                            + " and "
                            + b.width()
                            + "x"
                            + b.height());
        }
        return psnr(a.bgr(), b.bgr(), a.bgr().length);
    }

    static double psnr(byte[] a, byte[] b, int length) {
        long squares = 0;
        for (int i = 0; i < length; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            squares += d * d;
        }
        if (squares == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mse = (double) squares / length;
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private byte[] reduce(BgrImage output, int factor) {
        int w = output.width() / factor;
        int h = output.height() / factor;
        if (reduced.length < w * h * 3) {
            reduced = new byte[w * h * 3];
        }
        byte[] src = output.bgr();
        int area = factor * factor;
        int outStride = output.width() * 3;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        int at = (y * factor + dy) * outStride + x * factor * 3 + c;
                        for (int dx = 0; dx < factor; dx++, at += 3) {
                            sum += src[at] & 0xFF;
                        }
                    }
                    reduced[(y * w + x) * 3 + c] = (byte) ((sum + area / 2) / area);
                }
            }
        }
        return reduced;
    }

    private double ssim(byte[] a, byte[] b, int w, int h) {
        if (lumaA.length < w * h) {
            lumaA = new float[w * h];
            lumaB = new float[w * h];
        }
        toLuma(a, lumaA, w * h);
        toLuma(b, lumaB, w * h);
        int window = Math.min(WINDOW, Math.min(w, h));
        double sum = 0;
        int count = 0;
        for (int y = 0; y + window <= h; y += WINDOW_STEP) {
            for (int x = 0; x + window <= w; x += WINDOW_STEP) {
                sum += windowSsim(x, y, w, window);
                count++;
            }
        }
        return sum / count;
    }

    private double windowSsim(int x0, int y0, int w, int window) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int y = y0; y < y0 + window; y++) {
            for (int i = y * w + x0, end = i + window; i < end; i++) {
                double u = lumaA[i];
                double v = lumaB[i];
                sa += u;
                sb += v;
                saa += u * u;
                sbb += v * v;
                sab += u * v;
            }
        }
        double n = window * window;
        double ma = sa / n;
        double mb = sb / n;
        double va = saa / n - ma * ma;
        double vb = sbb / n - mb * mb;
        double cov = sab / n - ma * mb;
        return ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
    }

    private static void toLuma(byte[] bgr, float[] out, int pixels) {
        for (int p = 0, at = 0; p < pixels; p++, at += 3) {
            out[p] = ImageEstimates.luma(bgr[at] & 0xFF, bgr[at + 1] & 0xFF, bgr[at + 2] & 0xFF);
        }
    }
}
