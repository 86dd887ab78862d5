package io.frameflow.inference.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.frameflow.inference.api.BgrImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageEstimatesTest {

    private static BgrImage grey(int width, int height, int value) {
        byte[] bgr = new byte[width * height * 3];
        Arrays.fill(bgr, (byte) value);
        return new BgrImage(width, height, bgr);
    }

    /** A 5x5 box blur of each channel (edges clamped). */
    private static BgrImage blurred(BgrImage image) {
        int w = image.width();
        int h = image.height();
        byte[] out = new byte[image.bgr().length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            int sy = Math.max(0, Math.min(h - 1, y + dy));
                            int sx = Math.max(0, Math.min(w - 1, x + dx));
                            sum += image.bgr()[(sy * w + sx) * 3 + c] & 0xFF;
                        }
                    }
                    out[(y * w + x) * 3 + c] = (byte) ((sum + 12) / 25);
                }
            }
        }
        return new BgrImage(w, h, out);
    }

    @Test
    void aFlatPictureHasNoNoiseAndNoEdges() {
        BgrImage flat = grey(50, 40, 128);

        assertThat(ImageEstimates.noiseSigma(flat)).isZero();
        assertThat(ImageEstimates.laplacianVariance(flat)).isZero();
    }

    @Test
    void theNoiseEstimateOfAFlatPictureFindsTheAddedSigma() {
        // equal noise on B, G and R: luma keeps the full sigma
        BgrImage noisy = TestFrames.withNoise(grey(400, 300, 128), 0.05, 7);
        byte[] same = noisy.bgr().clone();
        for (int i = 0; i < same.length; i += 3) {
            same[i + 1] = same[i];
            same[i + 2] = same[i];
        }

        double sigma = ImageEstimates.noiseSigma(new BgrImage(400, 300, same));

        assertThat(sigma).isCloseTo(0.05, within(0.003));
    }

    @Test
    void blurLowersTheLaplacianVariance() {
        BgrImage sharp = TestFrames.pattern(128, 96);

        double before = ImageEstimates.laplacianVariance(sharp);
        double after = ImageEstimates.laplacianVariance(blurred(sharp));

        assertThat(after).isLessThan(before / 4);
    }

    @Test
    void theGatesCompareTheirEstimateWithTheThreshold() {
        assertThat(RestorationGate.noiseAbove(0.03).admits(0.031)).isTrue();
        assertThat(RestorationGate.noiseAbove(0.03).admits(0.029)).isFalse();
        assertThat(RestorationGate.blurBelow(100).admits(99)).isTrue();
        assertThat(RestorationGate.blurBelow(100).admits(101)).isFalse();
        assertThat(RestorationGate.none().admits(Double.NaN)).isTrue();
        assertThat(RestorationGate.none().estimate(grey(8, 8, 0))).isNaN();
    }
}
