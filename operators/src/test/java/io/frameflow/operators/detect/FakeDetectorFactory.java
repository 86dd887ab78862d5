package io.frameflow.operators.detect;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for a detector, for tests of the stages around the model. For an image
 * whose mean byte value is {@code m}, it finds two objects, in this order:
 *
 * <ul>
 *   <li>{@code "small"}, class 99, score {@code m / 510}, box {@code [0, 0, w/2, h/2]};
 *   <li>{@code LABELS[m % 3]}, class {@code m % 3}, score {@code m / 255}, box {@code [0, 0, w,
 *       h]}.
 * </ul>
 *
 * So every frame's results depend on its own pixels, and a mix-up of frames shows. What the
 * predictors saw and did is recorded in a {@link Probe} that survives serialization of the factory
 * (MiniCluster tasks run in this JVM).
 */
final class FakeDetectorFactory implements PredictorFactory<BgrImage, List<DetectedObject>> {

    static final String MODEL = "fake-detector@1.0";
    static final List<String> LABELS = List.of("person", "car", "dog");

    private static final long serialVersionUID = 1L;
    private static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

    /** How the fake misbehaves. */
    enum Mode {
        /** Always answers. */
        WORKS,
        /** Throws for any batch holding an image of mean {@link #rejectedMean}. */
        REJECTS_ONE_MEAN,
        /** Throws on every call. */
        ALWAYS_FAILS,
        /** Answers with an empty list, whatever the batch size. */
        LOSES_RESULTS,
        /** Cannot even load the model. */
        FAILS_TO_LOAD
    }

    private final String probeId = UUID.randomUUID().toString();
    private final Mode mode;
    private final int rejectedMean;
    private final String predictorModelId;
    private final long sleepMillisPerBatch;

    private FakeDetectorFactory(
            Mode mode, int rejectedMean, String predictorModelId, long sleepMillisPerBatch) {
        this.mode = mode;
        this.rejectedMean = rejectedMean;
        this.predictorModelId = predictorModelId;
        this.sleepMillisPerBatch = sleepMillisPerBatch;
        PROBES.put(probeId, new Probe());
    }

    static FakeDetectorFactory working() {
        return new FakeDetectorFactory(Mode.WORKS, -1, MODEL, 0);
    }

    static FakeDetectorFactory rejecting(int mean) {
        return new FakeDetectorFactory(Mode.REJECTS_ONE_MEAN, mean, MODEL, 0);
    }

    static FakeDetectorFactory failing() {
        return new FakeDetectorFactory(Mode.ALWAYS_FAILS, -1, MODEL, 0);
    }

    static FakeDetectorFactory losingResults() {
        return new FakeDetectorFactory(Mode.LOSES_RESULTS, -1, MODEL, 0);
    }

    static FakeDetectorFactory failingToLoad() {
        return new FakeDetectorFactory(Mode.FAILS_TO_LOAD, -1, MODEL, 0);
    }

    static FakeDetectorFactory creatingPredictorsFor(String otherModelId) {
        return new FakeDetectorFactory(Mode.WORKS, -1, otherModelId, 0);
    }

    /** Works, and takes {@code millis} per batch, like a real model would. */
    static FakeDetectorFactory slow(long millis) {
        return new FakeDetectorFactory(Mode.WORKS, -1, MODEL, millis);
    }

    Probe probe() {
        return PROBES.get(probeId);
    }

    @Override
    public Predictor<BgrImage, List<DetectedObject>> create() {
        if (mode == Mode.FAILS_TO_LOAD) {
            throw new InferenceException("model file fake.onnx is missing");
        }
        probe().created.incrementAndGet();
        return new FakeDetector();
    }

    @Override
    public String modelId() {
        return MODEL;
    }

    /** The mean byte value of an image, the way the fake computes it. */
    static float meanOf(BgrImage image) {
        long sum = 0;
        for (byte b : image.bgr()) {
            sum += b & 0xFF;
        }
        return (float) ((double) sum / image.bgr().length);
    }

    /** What the predictors of one factory saw and did, across all subtasks. */
    static final class Probe {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    }

    private final class FakeDetector implements Predictor<BgrImage, List<DetectedObject>> {

        @Override
        public List<List<DetectedObject>> predict(List<BgrImage> inputs) {
            probe().batchSizes.add(inputs.size());
            sleep();
            if (mode == Mode.ALWAYS_FAILS) {
                throw new InferenceException("model " + MODEL + ": session run failed, code 6");
            }
            if (mode == Mode.LOSES_RESULTS) {
                return List.of();
            }
            List<List<DetectedObject>> results = new ArrayList<>(inputs.size());
            for (BgrImage image : inputs) {
                float mean = meanOf(image);
                if (mode == Mode.REJECTS_ONE_MEAN && mean == rejectedMean) {
                    throw new InferenceException(
                            "model " + MODEL + " cannot read an image\nof mean " + rejectedMean);
                }
                int classId = Math.round(mean) % LABELS.size();
                float w = image.width();
                float h = image.height();
                results.add(
                        List.of(
                                new DetectedObject(99, "small", mean / 510f, 0, 0, w / 2, h / 2),
                                new DetectedObject(
                                        classId, LABELS.get(classId), mean / 255f, 0, 0, w, h)));
            }
            return results;
        }

        private void sleep() {
            if (sleepMillisPerBatch > 0) {
                try {
                    Thread.sleep(sleepMillisPerBatch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InferenceException("interrupted while pretending to infer", e);
                }
            }
        }

        @Override
        public String modelId() {
            return predictorModelId;
        }

        @Override
        public void close() {
            probe().closed.incrementAndGet();
        }
    }
}
