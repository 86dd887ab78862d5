package io.frameflow.inference.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.bench.Timings;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.Sha256;
import io.frameflow.inference.onnx.OnnxEnvironment;
import io.frameflow.inference.onnx.OnnxPredictor;
import io.frameflow.inference.onnx.OnnxSessionOptions;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.Translator;
import io.frameflow.inference.spec.ModelSpec;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints NanoDet timings on this machine: ONNX Runtime latency per 416x416 inference (1 and 2
 * intra-op threads) through {@link OnnxPredictor} against a plain ORT call that allocates its
 * outputs (the baseline); pre-processing of a 768x576 frame against a straightforward resize
 * (baseline); post-processing; and the detections on darknet's sample pictures. Medians after
 * warm-up. A program, not a test.
 *
 * <p>Arguments: {@code [--onnx FILE]} to time an ONNX file instead of the catalog's model (which is
 * fetched into the cache that the environment selects), {@code [--runs N]} (default 60).
 */
public final class NanoDetBenchmark {
    private static final int WARM_UP = 10;

    private NanoDetBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path onnx = null;
        int runs = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--onnx" -> onnx = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        FrameflowCache cache = FrameflowCache.fromEnvironment();
        FetchedModel model = model(onnx, cache);
        FetchedAsset pictures = SamplePictures.fetch(cache, step -> {});
        BgrImage dog = SamplePictures.read(pictures.file("dog.jpg"));
        System.out.printf(
                "model %s (%s), %d processors, %d runs after %d warm-up%n",
                model.modelId(),
                model.onnxFile(),
                Runtime.getRuntime().availableProcessors(),
                runs,
                WARM_UP);

        // Each session has its own intra-op threads; spinning threads of one session would steal
        // the cores of the next, so the interleaved comparison runs all sessions without spinning.
        for (int threads : new int[] {1, 2}) {
            double[] ms = inference(model, threads, dog, runs);
            System.out.printf(
                    "ORT inference, %d intra-op thread(s), no spinning: %.2f ms (OnnxPredictor:"
                            + " reused direct input, pinned outputs); baselines: %.2f ms (tensor"
                            + " from a float[1][3][416][416], ORT-allocated outputs copied out)"
                            + " ratio %.2f, %.2f ms (direct-buffer input, ORT-allocated outputs"
                            + " copied out) ratio %.2f%n",
                    threads, ms[0], ms[1], ms[0] / ms[1], ms[2], ms[0] / ms[2]);
        }
        for (boolean spin : new boolean[] {true, false}) {
            System.out.printf(
                    "ORT inference, 2 intra-op threads, spinning %s, one session alone: %.2f ms%n",
                    spin ? "on (ORT default)" : "off", inferenceAlone(model, 2, spin, dog, runs));
        }
        BgrImage frame = syntheticFrame(768, 576);
        double[] pre = preprocessing(model.spec(), frame, runs);
        System.out.printf(
                "pre-processing 768x576 -> 416x416 NCHW: %.3f ms (tables) vs %.3f ms"
                        + " (straightforward, baseline): ratio %.2f%n",
                pre[0], pre[1], pre[0] / pre[1]);
        System.out.printf(
                "post-processing (dog.jpg outputs, GFL decode + NMS): %.3f ms%n",
                postprocessing(model, dog, runs * 5));
        System.out.printf(
                "whole predict (pre + ORT + post), 2 threads: %.2f ms%n",
                wholePredict(model, dog, runs));
        for (String name : List.of("dog.jpg", "person.jpg", "horses.jpg")) {
            printDetections(model, name, SamplePictures.read(pictures.file(name)));
        }
    }

    private static FetchedModel model(Path onnx, FrameflowCache cache) {
        if (onnx == null) {
            return new ModelStore(ModelCatalog.builtIn(), cache)
                    .fetch("nanodet-coco", step -> System.out.println("  " + step));
        }
        ModelSpec spec = ModelCatalog.builtIn().get("nanodet-coco");
        return new FetchedModel(spec, onnx, Sha256.of(onnx));
    }

    /**
     * Our predictor (its translator writes the input once and decodes nothing) against the usual
     * ORT call (a new input tensor from an array and ORT-allocated outputs per run), alternating so
     * that both see the same machine load.
     */
    private static double[] inference(FetchedModel model, int threads, BgrImage image, int runs)
            throws OrtException {
        DetectorOptions options =
                DetectorOptions.from(model.spec().defaults()).withThreads(threads);
        Translator<BgrImage, List<DetectedObject>> translator = inputOnce(model, options);
        float[][][][] input = new float[1][3][416][416];
        for (float[][] plane : input[0]) {
            for (float[] row : plane) {
                Arrays.fill(row, 0.5f);
            }
        }
        try (OnnxPredictor<BgrImage, List<DetectedObject>> predictor =
                        load(model, threads, false, translator);
                OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setIntraOpNumThreads(threads);
            sessionOptions.setInterOpNumThreads(1);
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            try (OrtSession session =
                    OnnxEnvironment.get()
                            .createSession(model.onnxFile().toString(), sessionOptions)) {
                String name = model.spec().input().name();
                FloatBuffer direct = directCopy(input);
                return Timings.medianMillis(
                        WARM_UP,
                        runs,
                        () -> predictor.predict(image),
                        () -> plainRun(session, name, input),
                        () -> plainRun(session, name, direct));
            }
        }
    }

    private static FloatBuffer directCopy(float[][][][] input) {
        FloatBuffer direct =
                java.nio.ByteBuffer.allocateDirect(3 * 416 * 416 * 4)
                        .order(java.nio.ByteOrder.nativeOrder())
                        .asFloatBuffer();
        for (float[][] plane : input[0]) {
            for (float[] row : plane) {
                direct.put(row);
            }
        }
        return direct.flip();
    }

    /** A run with ORT-allocated outputs, read back as Java buffers (as most callers do). */
    /** Our predictor with one session alive, so that spinning can be compared fairly. */
    private static double inferenceAlone(
            FetchedModel model, int threads, boolean spin, BgrImage image, int runs) {
        DetectorOptions options =
                DetectorOptions.from(model.spec().defaults()).withThreads(threads);
        try (OnnxPredictor<BgrImage, List<DetectedObject>> predictor =
                load(model, threads, spin, inputOnce(model, options))) {
            return Timings.medianMillis(WARM_UP, runs, () -> predictor.predict(image));
        }
    }

    /** A translator that writes the input once and decodes nothing: only ORT's run is timed. */
    private static Translator<BgrImage, List<DetectedObject>> inputOnce(
            FetchedModel model, DetectorOptions options) {
        return new DelegatingTranslator(new NanoDetTranslator(model.spec(), options)) {
            private boolean written;

            @Override
            public void preprocess(BgrImage input, FloatBuffer target) {
                if (!written) {
                    super.preprocess(input, target);
                    written = true;
                }
            }

            @Override
            public List<DetectedObject> postprocess(BgrImage input, ItemOutputs outputs) {
                return List.of();
            }
        };
    }

    private static void plainRun(OrtSession session, String inputName, Object input) {
        try (OnnxTensor tensor = tensor(input);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            for (Map.Entry<String, ai.onnxruntime.OnnxValue> output : result) {
                sink = ((OnnxTensor) output.getValue()).getFloatBuffer().get(0);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OnnxTensor tensor(Object input) throws OrtException {
        if (input instanceof FloatBuffer buffer) {
            return OnnxTensor.createTensor(
                    OnnxEnvironment.get(), buffer, new long[] {1, 3, 416, 416});
        }
        return OnnxTensor.createTensor(OnnxEnvironment.get(), input);
    }

    /** Table-driven writer against the straightforward resize, alternating. */
    private static double[] preprocessing(ModelSpec spec, BgrImage frame, int runs) {
        ImageTensorWriter writer = new ImageTensorWriter(spec.input());
        FloatBuffer target =
                java.nio.ByteBuffer.allocateDirect(writer.elementCount() * 4)
                        .order(java.nio.ByteOrder.nativeOrder())
                        .asFloatBuffer();
        return Timings.medianMillis(
                WARM_UP, runs, () -> writer.write(frame, target), () -> naiveResize(spec, frame));
    }

    /** Bilinear resize computing source positions and weights per pixel, into a fresh array. */
    private static void naiveResize(ModelSpec spec, BgrImage frame) {
        int w = spec.input().width();
        int h = spec.input().height();
        float[] out = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[c * w * h + y * w + x] =
                            (float) (naiveSample(frame, w, h, x, y, c) * spec.input().scale());
                }
            }
        }
        sink = out[out.length / 2];
    }

    private static double naiveSample(BgrImage frame, int w, int h, int x, int y, int c) {
        double sx = Math.min(Math.max((x + 0.5) * frame.width() / w - 0.5, 0), frame.width() - 1);
        double sy = Math.min(Math.max((y + 0.5) * frame.height() / h - 0.5, 0), frame.height() - 1);
        int x0 = (int) sx;
        int y0 = (int) sy;
        int x1 = Math.min(x0 + 1, frame.width() - 1);
        int y1 = Math.min(y0 + 1, frame.height() - 1);
        double fx = sx - x0;
        double fy = sy - y0;
        double top = (1 - fx) * px(frame, x0, y0, c) + fx * px(frame, x1, y0, c);
        double bottom = (1 - fx) * px(frame, x0, y1, c) + fx * px(frame, x1, y1, c);
        return (1 - fy) * top + fy * bottom;
    }

    private static int px(BgrImage image, int x, int y, int c) {
        return image.bgr()[(y * image.width() + x) * 3 + 2 - c] & 0xFF;
    }

    /** Times the translator's post-processing on the real outputs of one run. */
    private static double postprocessing(FetchedModel model, BgrImage image, int runs) {
        DetectorOptions options = DetectorOptions.from(model.spec().defaults()).withThreads(2);
        double[] result = new double[1];
        Translator<BgrImage, List<DetectedObject>> translator =
                new DelegatingTranslator(new NanoDetTranslator(model.spec(), options)) {
                    @Override
                    public List<DetectedObject> postprocess(BgrImage input, ItemOutputs outputs) {
                        result[0] =
                                Timings.medianMillis(
                                        WARM_UP, runs, () -> super.postprocess(input, outputs));
                        return super.postprocess(input, outputs);
                    }
                };
        try (OnnxPredictor<BgrImage, List<DetectedObject>> predictor =
                load(model, 2, true, translator)) {
            predictor.predict(image);
        }
        return result[0];
    }

    private static double wholePredict(FetchedModel model, BgrImage image, int runs) {
        try (var predictor =
                new DetectorFactory(
                                model, DetectorOptions.from(model.spec().defaults()).withThreads(2))
                        .create()) {
            return Timings.medianMillis(WARM_UP, runs, () -> predictor.predict(image));
        }
    }

    private static void printDetections(FetchedModel model, String name, BgrImage image) {
        try (var predictor =
                new DetectorFactory(
                                model, DetectorOptions.from(model.spec().defaults()).withThreads(2))
                        .create()) {
            List<DetectedObject> detections = predictor.predict(image);
            System.out.printf(
                    "%s (%dx%d): %d detections%n",
                    name, image.width(), image.height(), detections.size());
            for (DetectedObject d : detections) {
                System.out.printf(
                        "  %-10s %.2f  (%.0f, %.0f)-(%.0f, %.0f)%n",
                        d.label(), d.score(), d.x1(), d.y1(), d.x2(), d.y2());
            }
        }
    }

    private static OnnxPredictor<BgrImage, List<DetectedObject>> load(
            FetchedModel model,
            int threads,
            boolean spin,
            Translator<BgrImage, List<DetectedObject>> translator) {
        return OnnxPredictor.load(
                model.modelId(),
                model.onnxFile(),
                OnnxSessionOptions.defaults().withIntraOpThreads(threads).withSpinWait(spin),
                1,
                translator);
    }

    /** A frame with smooth gradients and some texture, as camera frames have. */
    private static BgrImage syntheticFrame(int w, int h) {
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                bgr[i] = (byte) (x * 255 / w);
                bgr[i + 1] = (byte) (y * 255 / h);
                bgr[i + 2] = (byte) ((x ^ y) & 0xFF);
            }
        }
        return new BgrImage(w, h, bgr);
    }

    /** Keeps the JIT from removing the baseline's work. */
    static volatile float sink;
}
