package io.frameflow.inference.convert;

/** A float tensor [n, h, w, c] for the reference implementations in {@link TfReference}. */
record Nhwc(int n, int h, int w, int c, float[] data) {

    static Nhwc zeros(int n, int h, int w, int c) {
        return new Nhwc(n, h, w, c, new float[n * h * w * c]);
    }

    /** Values uniform in [-1, 1) from a fixed seed. */
    static Nhwc random(int n, int h, int w, int c, long seed) {
        return new Nhwc(n, h, w, c, TestData.uniform(n * h * w * c, seed));
    }

    static Nhwc fromNchw(int n, int c, int h, int w, float[] nchw) {
        Nhwc out = zeros(n, h, w, c);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out.data[out.index(b, y, x, ch)] = nchw[((b * c + ch) * h + y) * w + x];
                    }
                }
            }
        }
        return out;
    }

    int index(int b, int y, int x, int ch) {
        return ((b * h + y) * w + x) * c + ch;
    }

    float at(int b, int y, int x, int ch) {
        return data[index(b, y, x, ch)];
    }

    boolean inside(int y, int x) {
        return y >= 0 && y < h && x >= 0 && x < w;
    }

    long[] shape() {
        return new long[] {n, h, w, c};
    }

    /** The same values in NCHW order. */
    float[] toNchw() {
        float[] out = new float[data.length];
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        out[((b * c + ch) * h + y) * w + x] = at(b, y, x, ch);
                    }
                }
            }
        }
        return out;
    }
}
