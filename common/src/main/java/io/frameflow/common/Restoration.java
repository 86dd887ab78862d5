package io.frameflow.common;

import java.util.Objects;

/**
 * What a restoration stage did to one frame.
 *
 * @param model the restoration model, as {@code name@version}
 * @param applied whether the model ran on the frame; false when the stage's gate judged the frame
 *     clean enough and passed it on unchanged
 * @param psnr peak signal-to-noise ratio in dB between the stage's input and output; {@code NaN}
 *     when not applied, {@code +Infinity} when the two are identical
 * @param ssim structural similarity of the same two pictures, in [-1, 1]; {@code NaN} when not
 *     applied
 * @param estimate the gate's estimate of how much the frame needed restoring (e.g. noise standard
 *     deviation in 0..1 units); {@code NaN} when the stage has no gate
 */
public record Restoration(
        String model, boolean applied, double psnr, double ssim, double estimate) {

    public Restoration {
        Objects.requireNonNull(model, "model");
    }
}
