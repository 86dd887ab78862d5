package io.frameflow.operators.detect;

import io.frameflow.common.Detection;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs a detector on batches of frames and keeps one bad frame from costing the whole batch: when a
 * batch fails, its frames are run one by one and only those that fail again are rejected. When the
 * model rejects every frame of several batches in a row, the model itself is broken, and {@link
 * #detect} throws instead of quietly turning all input into dead letters.
 *
 * <p>Owns the predictor it is given; like the predictor, it is used by one thread at a time.
 */
final class FrameDetector implements AutoCloseable {

    private static final Comparator<Detection> BEST_FIRST =
            Comparator.comparingDouble(Detection::score).reversed();

    private final Predictor<BgrImage, List<DetectedObject>> predictor;
    private final String modelId;
    private final int maxFailedBatches;
    private int failedBatchesInARow;

    FrameDetector(Predictor<BgrImage, List<DetectedObject>> predictor, int maxFailedBatches) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.modelId = predictor.modelId();
        this.maxFailedBatches = maxFailedBatches;
    }

    String modelId() {
        return modelId;
    }

    /**
     * One outcome per frame, in the order of {@code frames}.
     *
     * @throws InferenceException when this is the {@code maxFailedBatches}-th batch in a row in
     *     which the model failed on every frame; the message names the model and the last error
     * @throws RuntimeException what the predictor threw, if it failed while the thread was
     *     interrupted (the task is being cancelled)
     */
    List<FrameOutcome> detect(List<VideoFrame> frames) {
        if (frames.isEmpty()) {
            return List.of();
        }
        List<FrameOutcome> outcomes;
        try {
            outcomes = new ArrayList<>(frames.size());
            for (List<Detection> detections : predictChecked(frames)) {
                outcomes.add(new FrameOutcome.Detected(detections));
            }
        } catch (RuntimeException batchError) {
            if (Thread.currentThread().isInterrupted()) {
                // The task is being cancelled: the failure is not the frames' fault.
                throw batchError;
            }
            outcomes = frames.size() == 1 ? List.of(rejected(batchError)) : detectOneByOne(frames);
        }
        checkModelStillWorks(outcomes);
        return outcomes;
    }

    private List<FrameOutcome> detectOneByOne(List<VideoFrame> frames) {
        List<FrameOutcome> outcomes = new ArrayList<>(frames.size());
        for (VideoFrame frame : frames) {
            try {
                outcomes.add(new FrameOutcome.Detected(predictChecked(List.of(frame)).get(0)));
            } catch (RuntimeException frameError) {
                outcomes.add(rejected(frameError));
            }
        }
        return outcomes;
    }

    private void checkModelStillWorks(List<FrameOutcome> outcomes) {
        FrameOutcome.Rejected lastRejection = null;
        for (FrameOutcome outcome : outcomes) {
            if (!(outcome instanceof FrameOutcome.Rejected rejected)) {
                failedBatchesInARow = 0;
                return;
            }
            lastRejection = rejected;
        }
        failedBatchesInARow++;
        if (failedBatchesInARow >= maxFailedBatches) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " failed on every frame of "
                            + failedBatchesInARow
                            + " batches in a row, so the model is taken to be broken; last error: "
                            + lastRejection.reason(),
                    lastRejection.error());
        }
    }

    /** Runs the model and checks that it kept its side of the contract. */
    private List<List<Detection>> predictChecked(List<VideoFrame> frames) {
        List<BgrImage> images = new ArrayList<>(frames.size());
        for (VideoFrame frame : frames) {
            // BgrImage wraps the frame's array: no copy of the pixels.
            images.add(new BgrImage(frame.width(), frame.height(), frame.bgr()));
        }
        List<List<DetectedObject>> predicted = predictor.predict(images);
        if (predicted == null || predicted.size() != frames.size()) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " returned "
                            + (predicted == null ? "no list" : predicted.size() + " results")
                            + " for a batch of "
                            + frames.size()
                            + " images");
        }
        List<List<Detection>> converted = new ArrayList<>(predicted.size());
        for (List<DetectedObject> objects : predicted) {
            converted.add(toDetections(objects));
        }
        return converted;
    }

    private List<Detection> toDetections(List<DetectedObject> objects) {
        if (objects == null) {
            throw new InferenceException("model " + modelId + " returned no list for an image");
        }
        List<Detection> detections = new ArrayList<>(objects.size());
        for (DetectedObject o : objects) {
            try {
                detections.add(
                        new Detection(
                                o.label(), o.classId(), o.score(), o.x1(), o.y1(), o.x2(), o.y2()));
            } catch (RuntimeException invalid) {
                throw new InferenceException(
                        "model "
                                + modelId
                                + " returned an invalid detection "
                                + o
                                + ": "
                                + invalid.getMessage(),
                        invalid);
            }
        }
        // FrameResult promises best score first; a stable sort keeps the model's order of ties.
        detections.sort(BEST_FIRST);
        return detections;
    }

    private static FrameOutcome.Rejected rejected(RuntimeException error) {
        return new FrameOutcome.Rejected(reasonOf(error), error);
    }

    /** The error's message on one line, as a dead letter wants it. */
    static String reasonOf(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void close() {
        predictor.close();
    }
}
