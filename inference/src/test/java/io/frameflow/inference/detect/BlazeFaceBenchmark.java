package io.frameflow.inference.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.bench.Timings;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.onnx.OnnxEnvironment;
import io.frameflow.inference.runtime.Backend;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.LocalModelFile;
import io.frameflow.inference.runtime.ModelRuntime;
import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.runtime.Translator;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * Prints BlazeFace CPU timings per frame on this machine at the model's 128x128 input: the whole
 * detector call (letterbox pre-processing of a 512x512 picture, ONNX Runtime, decoding and NMS) and
 * ORT alone through our predictor, each against a plain ORT call that wraps a ready direct buffer
 * as its input tensor and lets ORT allocate the outputs, which it reads back (the baseline: no pre-
 * or post-processing; measured in the same run, alternating). Medians after warm-up. A program, not
 * a test.
 *
 * <p>Arguments: {@code [--runs N]} (default 200).
 */
public final class BlazeFaceBenchmark {
    private static final int WARM_UP = 20;

    private BlazeFaceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        FrameflowCache cache = FrameflowCache.fromEnvironment();
        FetchedModel model =
                new ModelStore(ModelCatalog.builtIn(), cache)
                        .fetch("blazeface", step -> System.out.println("  " + step));
        FetchedAsset pictures = FacePictures.fetch(cache, step -> {});
        BgrImage face = SamplePictures.read(pictures.file(FacePictures.GRACE_HOPPER));
        System.out.printf(
                "model %s (%s), %d processors, %d runs after %d warm-up%n",
                model.modelId(),
                model.onnxFile(),
                Runtime.getRuntime().availableProcessors(),
                runs,
                WARM_UP);
        for (int threads : new int[] {1, 2}) {
            double[] ms = perFrame(model, threads, face, runs);
            System.out.printf(
                    "%d thread(s): whole detect call %.3f ms, ORT alone in our predictor %.3f ms;"
                            + " baseline (plain ORT call, direct-buffer input, ORT-allocated"
                            + " outputs)"
                            + " %.3f ms; ratios %.2f and %.2f%n",
                    threads, ms[0], ms[1], ms[2], ms[0] / ms[2], ms[1] / ms[2]);
        }
        try (Predictor<BgrImage, List<DetectedObject>> detector = detector(model, 2)) {
            for (String name : List.of(FacePictures.GRACE_HOPPER, FacePictures.NO_FACE)) {
                BgrImage picture = SamplePictures.read(pictures.file(name));
                System.out.printf(
                        "%s (%dx%d): %s%n",
                        name, picture.width(), picture.height(), detector.predict(picture));
            }
        }
    }

    private static Predictor<BgrImage, List<DetectedObject>> detector(
            FetchedModel model, int threads) {
        return new DetectorFactory(
                        model,
                        DetectorOptions.from(model.spec().defaults()).withRuntime(cpu(threads)))
                .create();
    }

    /** ONNX Runtime on the CPU even where TensorRT could run: this measures CPU time. */
    private static RuntimeOptions cpu(int threads) {
        return RuntimeOptions.defaults().withBackend(Backend.ONNXRUNTIME).withThreads(threads);
    }

    private static double[] perFrame(FetchedModel model, int threads, BgrImage picture, int runs)
            throws OrtException {
        DetectorOptions options =
                DetectorOptions.from(model.spec().defaults()).withThreads(threads);
        FloatBuffer input =
                java.nio.ByteBuffer.allocateDirect(128 * 128 * 3 * Float.BYTES)
                        .order(java.nio.ByteOrder.nativeOrder())
                        .asFloatBuffer();
        while (input.hasRemaining()) {
            input.put(0.25f);
        }
        input.flip();
        try (Predictor<BgrImage, List<DetectedObject>> whole = detector(model, threads);
                Predictor<BgrImage, List<DetectedObject>> ortOnly =
                        ModelRuntime.load(
                                new LocalModelFile(
                                        model.modelId(),
                                        model.onnxFile().toString(),
                                        model.onnxSha256()),
                                cpu(threads),
                                inputOnce(DetectorFactory.translator(model.spec(), options)));
                OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setIntraOpNumThreads(threads);
            sessionOptions.setInterOpNumThreads(1);
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            try (OrtSession session =
                    OnnxEnvironment.get()
                            .createSession(model.onnxFile().toString(), sessionOptions)) {
                String name = model.spec().input().name();
                return Timings.medianMillis(
                        WARM_UP,
                        runs,
                        () -> whole.predict(picture),
                        () -> ortOnly.predict(picture),
                        () -> plainRun(session, name, input));
            }
        }
    }

    /** A translator that writes the input once and decodes nothing: only ORT's run is timed. */
    private static Translator<BgrImage, List<DetectedObject>> inputOnce(
            Translator<BgrImage, List<DetectedObject>> translator) {
        return new DelegatingTranslator(translator) {
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

    /** Keeps the JIT from removing the baseline's work. */
    static volatile float sink;

    private static void plainRun(OrtSession session, String inputName, FloatBuffer input) {
        try (OnnxTensor tensor =
                        OnnxTensor.createTensor(
                                OnnxEnvironment.get(), input, new long[] {1, 128, 128, 3});
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            for (Map.Entry<String, ai.onnxruntime.OnnxValue> output : result) {
                sink = ((OnnxTensor) output.getValue()).getFloatBuffer().get(0);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
