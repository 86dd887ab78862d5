package io.frameflow.inference.api;

import java.util.Objects;

/**
 * What a restoration model made of one picture.
 *
 * @param image the restored picture, which replaces the input for later stages; the input itself
 *     when the model was not applied. An upscaling model makes it larger than the input.
 * @param applied whether the model ran on this picture (a gate may skip pictures that do not need
 *     it)
 * @param psnr peak signal-to-noise ratio in dB between the input and the output (the output resized
 *     to the input's size when the model upscales); {@code NaN} when not applied, {@code +Infinity}
 *     when the two are identical
 * @param ssim structural similarity of the same two pictures, in [-1, 1]; {@code NaN} when not
 *     applied
 * @param estimate the gate's cheap estimate of how much the picture needs restoring (e.g. noise
 *     standard deviation in 0..1 units); {@code NaN} when no gate is configured
 */
public record RestoredImage(
        BgrImage image, boolean applied, double psnr, double ssim, double estimate) {

    public RestoredImage {
        Objects.requireNonNull(image, "image");
    }

    /** The input passed on unchanged because the gate judged it clean enough. */
    public static RestoredImage skipped(BgrImage input, double estimate) {
        return new RestoredImage(input, false, Double.NaN, Double.NaN, estimate);
    }
}
