package io.frameflow.inference.segment;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.inference.bench.Timings;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.detect.SamplePictures;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.runtime.RuntimeOptions;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints CPU milliseconds per frame of selfie-seg (256x256, on messi5.jpg) and ppocr-det (640x640,
 * on imageTextN.png), as segmenters and as text boxes, against a plain ONNX Runtime call on a zero
 * tensor of the same shape (the baseline), with 1 and all intra-op threads; medians after warm-up.
 * Also prints what was found. A program, not a test.
 *
 * <p>Arguments: {@code [--runs N]} (default 40).
 */
public final class SegmentationBenchmark {
    private static final int WARM_UP = 5;

    private SegmentationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 40;
        FrameflowCache cache = FrameflowCache.fromEnvironment();
        ModelStore store = new ModelStore(ModelCatalog.builtIn(), cache);
        FetchedAsset pictures = OpencvPictures.fetch(cache);
        BgrImage messi = SamplePictures.read(pictures.file("messi5.jpg"));
        BgrImage page = SamplePictures.read(pictures.file("imageTextN.png"));
        FetchedModel selfie = store.fetch("selfie-seg", step -> {});
        FetchedModel ocr = store.fetch("ppocr-det", step -> {});
        System.out.printf(
                "%d processors, %d runs after %d warm-up, medians%n",
                Runtime.getRuntime().availableProcessors(), runs, WARM_UP);
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            RuntimeOptions runtime = RuntimeOptions.defaults().withThreads(threads);
            segmenter(selfie, messi, new long[] {1, 256, 256, 3}, runtime, runs);
            segmenter(ocr, page, new long[] {1, 3, 640, 640}, runtime, runs);
            textBoxes(ocr, page, runtime, runs);
        }
    }

    private static void segmenter(
            FetchedModel model, BgrImage image, long[] shape, RuntimeOptions runtime, int runs)
            throws Exception {
        double baseline = plainOrt(model, shape, runtime.threads(), runs);
        SegmenterFactory factory =
                new SegmenterFactory(
                        model, SegmenterOptions.from(model.spec()).withRuntime(runtime));
        try (Predictor<BgrImage, Segmentation> segmenter = factory.create()) {
            Segmentation[] last = new Segmentation[1];
            double ms =
                    Timings.medianMillis(WARM_UP, runs, () -> last[0] = segmenter.predict(image));
            var c = last[0].classes().get(0);
            System.out.printf(
                    "%-18s %d thr: segmenter %.2f ms/frame, plain ORT %.2f ms (ratio %.2f);"
                            + " %s area %.4f, %d polygons%n",
                    model.modelId(),
                    runtime.threads(),
                    ms,
                    baseline,
                    ms / baseline,
                    c.label(),
                    c.areaFraction(),
                    c.polygons().size());
        }
    }

    private static void textBoxes(
            FetchedModel model, BgrImage image, RuntimeOptions runtime, int runs) throws Exception {
        TextBoxDetectorFactory factory =
                new TextBoxDetectorFactory(
                        model, TextBoxOptions.from(model.spec()).withRuntime(runtime));
        try (Predictor<BgrImage, List<DetectedObject>> detector = factory.create()) {
            int[] count = new int[1];
            double ms =
                    Timings.medianMillis(
                            WARM_UP, runs, () -> count[0] = detector.predict(image).size());
            System.out.printf(
                    "%-18s %d thr: text boxes %.2f ms/frame, %d boxes%n",
                    model.modelId(), runtime.threads(), ms, count[0]);
        }
    }

    private static double plainOrt(FetchedModel model, long[] shape, int threads, int runs)
            throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(model.onnxFile().toString(), options);
                    OnnxTensor input =
                            OnnxTensor.createTensor(
                                    env,
                                    FloatBuffer.allocate(
                                            (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)),
                                    shape)) {
                String name = model.spec().input().name();
                return Timings.medianMillis(
                        WARM_UP,
                        runs,
                        () -> {
                            try (OrtSession.Result ignored = session.run(Map.of(name, input))) {
                                // only the run is timed
                            }
                        });
            }
        }
    }
}
