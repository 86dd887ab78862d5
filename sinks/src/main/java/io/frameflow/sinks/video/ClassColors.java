package io.frameflow.sinks.video;

import java.nio.charset.StandardCharsets;

/**
 * A colour per class label, the same in every run, job and stream: the label's FNV-1a hash picks a
 * hue, drawn at high saturation and brightness so that it stands out on video. A detection and a
 * segmentation mask of the same label share a colour.
 */
final class ClassColors {
    private ClassColors() {}

    /** The colour of {@code label} as packed {@code 0xRRGGBB}. */
    static int of(String label) {
        int h = 0x811c9dc5;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        // 24 hues 15 degrees apart: neighbours are still told apart on a small picture
        int hue = Math.floorMod(h, 24) * 15;
        return hsv(hue, 0.85, 0.95);
    }

    /** Packed {@code 0xRRGGBB} of hue (degrees), saturation and value in [0, 1]. */
    static int hsv(int hue, double saturation, double value) {
        double c = value * saturation;
        double x = c * (1 - Math.abs((hue / 60.0) % 2 - 1));
        double m = value - c;
        double r;
        double g;
        double b;
        switch (hue / 60) {
            case 0 -> {
                r = c;
                g = x;
                b = 0;
            }
            case 1 -> {
                r = x;
                g = c;
                b = 0;
            }
            case 2 -> {
                r = 0;
                g = c;
                b = x;
            }
            case 3 -> {
                r = 0;
                g = x;
                b = c;
            }
            case 4 -> {
                r = x;
                g = 0;
                b = c;
            }
            default -> {
                r = c;
                g = 0;
                b = x;
            }
        }
        return rgb(channel(r + m), channel(g + m), channel(b + m));
    }

    /** Black or white, whichever reads better on {@code background}. */
    static int textOn(int background) {
        int r = background >> 16 & 0xff;
        int g = background >> 8 & 0xff;
        int b = background & 0xff;
        return 299 * r + 587 * g + 114 * b > 140_000 ? 0x000000 : 0xffffff;
    }

    static int rgb(int r, int g, int b) {
        return (r & 0xff) << 16 | (g & 0xff) << 8 | (b & 0xff);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
