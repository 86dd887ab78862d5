package io.frameflow.inference.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.frameflow.inference.api.BgrImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageQualityTest {
    private final ImageQuality quality = new ImageQuality();

    @Test
    void identicalPicturesHaveInfinitePsnrAndSsimOne() {
        BgrImage picture = TestFrames.pattern(64, 48);

        ImageQuality.Scores scores = quality.measure(picture, picture, 1);

        assertThat(scores.psnr()).isInfinite();
        assertThat(scores.ssim()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aConstantErrorOfFiveGivesTheTextbookPsnr() {
        byte[] bytes = new byte[64 * 48 * 3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ((i * 7) % 240);
        }
        BgrImage picture = new BgrImage(64, 48, bytes);
        byte[] shifted = bytes.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (byte) ((shifted[i] & 0xFF) + 5);
        }

        ImageQuality.Scores scores = quality.measure(picture, new BgrImage(64, 48, shifted), 1);

        assertThat(scores.psnr()).isCloseTo(10 * Math.log10(255.0 * 255 / 25), within(1e-9));
        assertThat(scores.ssim()).isGreaterThan(0.99);
    }

    @Test
    void anUpscaledCopyIsComparedAfterAveragingItsBlocks() {
        BgrImage picture = TestFrames.pattern(40, 32);
        byte[] big = new byte[80 * 64 * 3];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 80; x++) {
                System.arraycopy(
                        picture.bgr(), ((y / 2) * 40 + x / 2) * 3, big, (y * 80 + x) * 3, 3);
            }
        }

        ImageQuality.Scores scores = quality.measure(picture, new BgrImage(80, 64, big), 2);

        assertThat(scores.psnr()).isInfinite();
    }

    @Test
    void structureLossLowersSsimMoreThanABrightnessShift() {
        BgrImage picture = TestFrames.pattern(64, 64);
        byte[] flat = new byte[picture.bgr().length];
        Arrays.fill(flat, (byte) 120);

        double ssimFlat = quality.measure(picture, new BgrImage(64, 64, flat), 1).ssim();

        assertThat(ssimFlat).isLessThan(0.5);
    }
}
