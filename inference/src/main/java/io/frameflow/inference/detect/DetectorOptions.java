package io.frameflow.inference.detect;

import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.spec.DetectionDefaults;
import java.io.Serializable;
import java.util.Objects;

/**
 * Post-processing settings of a detector and how its model runs, validated on construction.
 *
 * @param scoreThreshold keep boxes whose best class score is at least this, in (0, 1]
 * @param iouThreshold drop a box that overlaps a better one of its class by more than this, in (0,
 *     1]
 * @param maxDetections at most this many boxes per picture, best first
 * @param runtime backend, precision, threads and batch size of the model's predictor
 */
public record DetectorOptions(
        double scoreThreshold, double iouThreshold, int maxDetections, RuntimeOptions runtime)
        implements Serializable {

    public DetectorOptions {
        if (!(scoreThreshold > 0 && scoreThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "score-threshold: " + scoreThreshold + " is not in (0, 1]");
        }
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "iou-threshold: " + iouThreshold + " is not in (0, 1]");
        }
        if (maxDetections < 1) {
            throw new IllegalArgumentException(
                    "max-detections: " + maxDetections + " is not a positive integer");
        }
        Objects.requireNonNull(runtime, "runtime");
    }

    /** The model's thresholds with {@link RuntimeOptions#defaults()}. */
    public static DetectorOptions from(DetectionDefaults defaults) {
        return new DetectorOptions(
                defaults.scoreThreshold(),
                defaults.iouThreshold(),
                defaults.maxDetections(),
                RuntimeOptions.defaults());
    }

    public DetectorOptions withScoreThreshold(double value) {
        return new DetectorOptions(value, iouThreshold, maxDetections, runtime);
    }

    public DetectorOptions withIouThreshold(double value) {
        return new DetectorOptions(scoreThreshold, value, maxDetections, runtime);
    }

    public DetectorOptions withMaxDetections(int value) {
        return new DetectorOptions(scoreThreshold, iouThreshold, value, runtime);
    }

    public DetectorOptions withRuntime(RuntimeOptions value) {
        return new DetectorOptions(scoreThreshold, iouThreshold, maxDetections, value);
    }

    /** Shorthand for changing only the runtime's thread count. */
    public DetectorOptions withThreads(int value) {
        return withRuntime(runtime.withThreads(value));
    }
}
