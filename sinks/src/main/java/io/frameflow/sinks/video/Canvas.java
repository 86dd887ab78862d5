package io.frameflow.sinks.video;

/**
 * Drawing on a packed BGR24 picture held in a Java array: filled and blended rectangles, thick
 * lines. Everything is clipped to the picture. Colours are packed {@code 0xRRGGBB}. The canvas
 * draws into the array it is given; the annotator gives it a copy of the frame's pixels, never the
 * frame's own array.
 */
final class Canvas {
    private byte[] bgr;
    private int width;
    private int height;

    /** Points the canvas at {@code pixels} of a {@code width x height} picture. */
    Canvas reset(byte[] pixels, int w, int h) {
        if (pixels.length < w * h * 3) {
            throw new IllegalArgumentException(
                    "a " + w + "x" + h + " canvas needs " + (w * h * 3) + " bytes");
        }
        this.bgr = pixels;
        this.width = w;
        this.height = h;
        return this;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Fills columns {@code [x0, x1)} of rows {@code [y0, y1)}. */
    void fill(int x0, int y0, int x1, int y1, int rgb) {
        int left = Math.max(0, x0);
        int right = Math.min(width, x1);
        int top = Math.max(0, y0);
        int bottom = Math.min(height, y1);
        if (left >= right || top >= bottom) {
            return;
        }
        byte b = (byte) rgb;
        byte g = (byte) (rgb >> 8);
        byte r = (byte) (rgb >> 16);
        for (int y = top; y < bottom; y++) {
            int i = (y * width + left) * 3;
            int end = (y * width + right) * 3;
            for (; i < end; i += 3) {
                bgr[i] = b;
                bgr[i + 1] = g;
                bgr[i + 2] = r;
            }
        }
    }

    /**
     * Mixes {@code rgb} into columns {@code [x0, x1)} of rows {@code [y0, y1)}, {@code alpha} of
     * 256 parts colour.
     */
    void blend(int x0, int y0, int x1, int y1, int rgb, int alpha) {
        int left = Math.max(0, x0);
        int right = Math.min(width, x1);
        int top = Math.max(0, y0);
        int bottom = Math.min(height, y1);
        if (left >= right || top >= bottom) {
            return;
        }
        int keep = 256 - alpha;
        int b = (rgb & 0xff) * alpha;
        int g = (rgb >> 8 & 0xff) * alpha;
        int r = (rgb >> 16 & 0xff) * alpha;
        for (int y = top; y < bottom; y++) {
            int i = (y * width + left) * 3;
            int end = (y * width + right) * 3;
            for (; i < end; i += 3) {
                bgr[i] = (byte) (((bgr[i] & 0xff) * keep + b) >> 8);
                bgr[i + 1] = (byte) (((bgr[i + 1] & 0xff) * keep + g) >> 8);
                bgr[i + 2] = (byte) (((bgr[i + 2] & 0xff) * keep + r) >> 8);
            }
        }
    }

    /**
     * The outline of the rectangle with corners {@code (x0, y0)} and {@code (x1, y1)} (inclusive),
     * {@code thickness} pixels wide, growing inwards.
     */
    void outline(int x0, int y0, int x1, int y1, int thickness, int rgb) {
        int t = Math.max(1, thickness);
        fill(x0, y0, x1 + 1, y0 + t, rgb);
        fill(x0, y1 - t + 1, x1 + 1, y1 + 1, rgb);
        fill(x0, y0, x0 + t, y1 + 1, rgb);
        fill(x1 - t + 1, y0, x1 + 1, y1 + 1, rgb);
    }

    /**
     * A straight line from {@code (x0, y0)} to {@code (x1, y1)}, {@code thickness} pixels wide. The
     * part outside the picture is cut off first, so far-away points cost nothing.
     */
    void line(double x0, double y0, double x1, double y1, int thickness, int rgb) {
        if (!Double.isFinite(x0 + y0 + x1 + y1)) {
            return;
        }
        int t = Math.max(1, thickness);
        // Liang-Barsky against the picture grown by the line's thickness
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 + t, width + t - 1 - x0, y0 + t, height + t - 1 - y0};
        double enter = 0;
        double leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, r);
                } else {
                    leave = Math.min(leave, r);
                }
            }
        }
        if (enter > leave) {
            return;
        }
        stroke(
                (int) Math.round(x0 + enter * dx),
                (int) Math.round(y0 + enter * dy),
                (int) Math.round(x0 + leave * dx),
                (int) Math.round(y0 + leave * dy),
                t,
                rgb);
    }

    private void stroke(int x0, int y0, int x1, int y1, int t, int rgb) {
        int before = (t - 1) / 2;
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        int x = x0;
        int y = y0;
        // Bresenham, stamping a t x t square at each step; lines are few and short next to the
        // picture, so the overdraw costs little
        while (true) {
            fill(x - before, y - before, x - before + t, y - before + t, rgb);
            if (x == x1 && y == y1) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y += sy;
            }
        }
    }
}
