package io.frameflow.operators.stage;

import io.frameflow.common.Detection;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.api.BgrImage;

/**
 * A rectangle of a staged frame's picture around a detection, in whole pixels of that picture.
 *
 * @param left first column
 * @param top first row
 * @param width columns
 * @param height rows
 */
record Crop(int left, int top, int width, int height) {

    /**
     * The crop around {@code box} (in source-frame pixels) padded by {@code padding} of its size on
     * every side, in pixels of {@code picture} ({@code scaleX, scaleY} map picture pixels to source
     * pixels), clipped to the picture; null when nothing of it is left.
     */
    static Crop around(
            Detection box, double padding, VideoFrame picture, float scaleX, float scaleY) {
        double padX = (box.x2() - box.x1()) * padding;
        double padY = (box.y2() - box.y1()) * padding;
        int left = (int) Math.max(0, Math.floor((box.x1() - padX) / scaleX));
        int top = (int) Math.max(0, Math.floor((box.y1() - padY) / scaleY));
        int right = (int) Math.min(picture.width(), Math.ceil((box.x2() + padX) / scaleX));
        int bottom = (int) Math.min(picture.height(), Math.ceil((box.y2() + padY) / scaleY));
        if (right - left < 1 || bottom - top < 1) {
            return null;
        }
        return new Crop(left, top, right - left, bottom - top);
    }

    /** A copy of the crop's pixels. */
    BgrImage cut(VideoFrame picture) {
        byte[] pixels = new byte[width * height * 3];
        int rowBytes = width * 3;
        for (int y = 0; y < height; y++) {
            System.arraycopy(
                    picture.bgr(),
                    ((top + y) * picture.width() + left) * 3,
                    pixels,
                    y * rowBytes,
                    rowBytes);
        }
        return new BgrImage(width, height, pixels);
    }
}
