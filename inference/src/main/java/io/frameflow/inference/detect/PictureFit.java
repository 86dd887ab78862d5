package io.frameflow.inference.detect;

import io.frameflow.inference.spec.InputSpec;
import io.frameflow.inference.spec.ResizeMode;

/**
 * Where a picture lands in a model's input: the rectangle its resized pixels fill ({@code stretch}:
 * all of it; {@code letterbox}: centred, aspect ratio kept), and the way back from input pixels to
 * picture pixels for boxes.
 *
 * @param offsetX left edge of the picture in the input
 * @param offsetY top edge of the picture in the input
 * @param width width of the resized picture in the input
 * @param height height of the resized picture in the input
 * @param toPictureX picture pixels per input pixel, horizontally
 * @param toPictureY picture pixels per input pixel, vertically
 */
record PictureFit(
        int offsetX, int offsetY, int width, int height, float toPictureX, float toPictureY) {

    static PictureFit of(InputSpec input, int pictureWidth, int pictureHeight) {
        int width = input.width();
        int height = input.height();
        if (input.resize() == ResizeMode.LETTERBOX) {
            double scale = Math.min((double) width / pictureWidth, (double) height / pictureHeight);
            width = clamp((int) Math.round(pictureWidth * scale), input.width());
            height = clamp((int) Math.round(pictureHeight * scale), input.height());
        }
        return new PictureFit(
                (input.width() - width) / 2,
                (input.height() - height) / 2,
                width,
                height,
                (float) pictureWidth / width,
                (float) pictureHeight / height);
    }

    private static int clamp(int value, int max) {
        return Math.min(Math.max(value, 1), max);
    }

    /** Whether part of the input is padding rather than picture. */
    boolean padded(InputSpec input) {
        return width != input.width() || height != input.height();
    }

    float pictureX(float inputX) {
        return (inputX - offsetX) * toPictureX;
    }

    float pictureY(float inputY) {
        return (inputY - offsetY) * toPictureY;
    }
}
