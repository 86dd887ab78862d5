package io.frameflow.inference.restore;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.RestoredImage;
import io.frameflow.inference.bench.Timings;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.runtime.RuntimeOptions;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Prints CPU timings of the restoration models on this machine, per model: a plain ONNX Runtime
 * call on one 256x256 input (the baseline); a 256x256 frame through the restorer (one tile, with
 * pre- and post-processing, PSNR and SSIM), as a ratio to the baseline; and a 640x480 frame in
 * 256-pixel tiles with 16 pixels of overlap, as a ratio to the single tile. Also the quality
 * figures on a 128x128 baboon crop (denoisers: PSNR before and after, with Gaussian noise of sigma
 * 0.08; upscalers: PSNR and SSIM of the output reduced to the input's size). Medians after a
 * warm-up run. A program, not a test.
 *
 * <p>Arguments: {@code [--runs N]} (default 5), {@code [--threads N]} (default 2), {@code [--models
 * a,b]} (default all six).
 */
public final class RestorationBenchmark {
    private static final int TILE = 256;

    private RestorationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 5;
        int threads = 2;
        List<String> models =
                List.of(
                        "waifu2x-noise0",
                        "waifu2x-noise1",
                        "waifu2x-noise2",
                        "waifu2x-noise3",
                        "realesr-animevideov3-x2",
                        "realesr-animevideov3-x4");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--models" -> models = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        FrameflowCache cache = FrameflowCache.fromEnvironment();
        ModelStore store = new ModelStore(ModelCatalog.builtIn(), cache);
        BgrImage baboon = TestFrames.baboon(cache);
        BgrImage clean = TestFrames.crop(baboon, 192, 192, 128, 128);
        BgrImage noisy = TestFrames.withNoise(clean, 0.08, 42);
        BgrImage square = TestFrames.crop(baboon, 0, 0, TILE, TILE);
        BgrImage vga = stretchTo(baboon, 640, 480);
        System.out.printf(
                "%d processors, %d intra-op threads, %d runs after 1 warm-up%n",
                Runtime.getRuntime().availableProcessors(), threads, runs);
        for (String name : models) {
            FetchedModel model = store.fetch(name, step -> {});
            RestorerOptions options =
                    new RestorerOptions(
                            TILE,
                            16,
                            RestorationGate.none(),
                            RuntimeOptions.defaults().withThreads(threads).withMaxBatchSize(8));
            double plain = plainOrtMillis(model, threads, runs);
            try (Predictor<BgrImage, RestoredImage> restorer =
                    new RestorerFactory(model, options).create()) {
                double one = Timings.medianMillis(1, runs, () -> restorer.predict(square));
                double tiled = Timings.medianMillis(1, runs, () -> restorer.predict(vga));
                System.out.printf(
                        "%-24s plain ORT 256x256 %8.1f ms | restorer 256x256 %8.1f ms (x%.2f)"
                                + " | 640x480 in 6 tiles %8.1f ms (x%.2f of one tile)%n",
                        name, plain, one, one / plain, tiled, tiled / one);
            }
            printQuality(model, threads, clean, noisy);
        }
    }

    private static void printQuality(
            FetchedModel model, int threads, BgrImage clean, BgrImage noisy) {
        RestorerOptions options =
                new RestorerOptions(
                        64,
                        16,
                        RestorationGate.none(),
                        RuntimeOptions.defaults().withThreads(threads));
        try (Predictor<BgrImage, RestoredImage> restorer =
                new RestorerFactory(model, options).create()) {
            ImageQuality quality = new ImageQuality();
            if (model.modelId().startsWith("waifu2x")) {
                RestoredImage restored = restorer.predict(noisy);
                System.out.printf(
                        "%-24s sigma 0.08 on the 128x128 crop: PSNR %.2f dB -> %.2f dB%n",
                        "",
                        quality.measure(clean, noisy, 1).psnr(),
                        quality.measure(clean, restored.image(), 1).psnr());
            } else {
                RestoredImage restored = restorer.predict(clean);
                System.out.printf(
                        "%-24s 128x128 crop -> %dx%d: reduced output vs input PSNR %.2f dB, SSIM"
                                + " %.4f%n",
                        "",
                        restored.image().width(),
                        restored.image().height(),
                        restored.psnr(),
                        restored.ssim());
            }
        }
    }

    private static double plainOrtMillis(FetchedModel model, int threads, int runs)
            throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] values = new float[3 * TILE * TILE];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            try (OrtSession session = env.createSession(model.onnxFile().toString(), options);
                    OnnxTensor input =
                            OnnxTensor.createTensor(
                                    env, FloatBuffer.wrap(values), new long[] {1, 3, TILE, TILE})) {
                Map<String, OnnxTensor> feed = Map.of(model.spec().input().name(), input);
                return Timings.medianMillis(1, runs, () -> session.run(feed).close());
            }
        }
    }

    /** Nearest-neighbour stretch, enough to make a frame of a given size from a photo. */
    private static BgrImage stretchTo(BgrImage image, int width, int height) {
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sx = x * image.width() / width;
                int sy = y * image.height() / height;
                System.arraycopy(
                        image.bgr(), (sy * image.width() + sx) * 3, out, (y * width + x) * 3, 3);
            }
        }
        return new BgrImage(width, height, out);
    }
}
