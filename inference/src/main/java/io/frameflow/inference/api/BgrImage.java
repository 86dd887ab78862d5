package io.frameflow.inference.api;

import java.util.Objects;

/**
 * An image handed to a model: packed BGR24, row-major, {@code width * height * 3} bytes without row
 * padding. Inference is plain Java (no Flink, no FFmpeg), so this is its own small type; the
 * operators wrap a frame's pixel array in it without copying. The array must not be modified while
 * a prediction runs.
 */
public record BgrImage(int width, int height, byte[] bgr) {
    public BgrImage {
        Objects.requireNonNull(bgr, "bgr");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "image size must be positive, got " + width + "x" + height);
        }
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "BGR24 image of "
                            + width
                            + "x"
                            + height
                            + " needs "
                            + (width * height * 3)
                            + " bytes, got "
                            + bgr.length);
        }
    }
}
