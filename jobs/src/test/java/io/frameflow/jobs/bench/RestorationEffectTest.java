package io.frameflow.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.restore.ImageQuality;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RestorationEffectTest {

    private static DetectedObject box(int classId, float score, float x1, float y1, float x2) {
        return new DetectedObject(classId, "c" + classId, score, x1, y1, x2, y1 + 10);
    }

    @Test
    void matchesOneToOneByLabelAndOverlap() {
        List<DetectedObject> reference =
                List.of(box(0, 0.9f, 0, 0, 10), box(0, 0.8f, 100, 0, 110), box(1, 0.7f, 0, 0, 10));
        List<DetectedObject> found =
                List.of(
                        box(0, 0.95f, 1, 0, 11), // IoU 9/11 with the first: a match
                        box(0, 0.5f, 0, 0, 10), // the first is taken already: no match
                        box(2, 0.9f, 100, 0, 110), // right place, wrong label
                        box(1, 0.6f, 6, 0, 16)); // IoU 4/16 with the label-1 box: too little

        assertThat(RestorationEffect.matches(found, reference, 0.5)).isEqualTo(1);
        assertThat(RestorationEffect.matches(reference, reference, 0.5)).isEqualTo(3);
        assertThat(RestorationEffect.matches(List.of(), reference, 0.5)).isZero();
    }

    @Test
    void noiseOfSigmaGivesThePsnrItShould() {
        byte[] grey = new byte[300 * 200 * 3];
        Arrays.fill(grey, (byte) 128);
        BgrImage clean = new BgrImage(300, 200, grey);

        BgrImage noisy = RestorationEffect.withNoise(clean, 0.08, new Random(7));

        // Mid-grey does not clip at sigma 0.08, so the PSNR is 20 log10(1 / 0.08) = 21.94 dB.
        assertThat(ImageQuality.psnr(noisy, clean)).isCloseTo(21.94, within(0.1));
        assertThat(ImageQuality.psnr(clean, clean)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(RestorationEffect.withNoise(clean, 0.08, new Random(7)).bgr())
                .isEqualTo(noisy.bgr());
    }
}
