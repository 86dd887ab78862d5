/**
 * Restoration: image-to-image models (denoisers, upscalers) run on frames of any size.
 *
 * <p>{@link io.frameflow.inference.restore.RestorerFactory} builds a restorer from a cached model
 * and {@link io.frameflow.inference.restore.RestorerOptions}. A restorer asks its {@link
 * io.frameflow.inference.restore.RestorationGate} whether a frame needs the model, cuts the frames
 * that do into overlapping square tiles ({@code TileAxis}), runs the tiles of a whole batch of
 * frames through the model with a {@code TileTranslator} that fixes the model's dynamic height and
 * width to the tile size, stitches each output from the pixels its tiles own, and scores it against
 * the input ({@code ImageQuality}: PSNR and SSIM).
 */
package io.frameflow.inference.restore;
