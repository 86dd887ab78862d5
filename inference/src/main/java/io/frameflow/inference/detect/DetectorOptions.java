package io.frameflow.inference.detect;

import io.frameflow.inference.spec.DetectionDefaults;
import java.io.Serializable;

/**
 * Post-processing and runtime settings of a detector, validated on construction.
 *
 * @param scoreThreshold keep boxes whose best class score is at least this, in (0, 1]
 * @param iouThreshold drop a box that overlaps a better one of its class by more than this, in (0,
 *     1]
 * @param maxDetections at most this many boxes per picture, best first
 * @param threads ONNX Runtime intra-op threads per predictor
 * @param maxBatchSize pictures stacked per run when the model's batch dimension is dynamic
 */
public record DetectorOptions(
        double scoreThreshold,
        double iouThreshold,
        int maxDetections,
        int threads,
        int maxBatchSize)
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
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "threads: " + threads + " is not a positive integer");
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException(
                    "max-batch-size: " + maxBatchSize + " is not a positive integer");
        }
    }

    /** The model's defaults, all available processors, batches of up to 8. */
    public static DetectorOptions from(DetectionDefaults defaults) {
        return new DetectorOptions(
                defaults.scoreThreshold(),
                defaults.iouThreshold(),
                defaults.maxDetections(),
                Runtime.getRuntime().availableProcessors(),
                8);
    }

    public DetectorOptions withScoreThreshold(double value) {
        return new DetectorOptions(value, iouThreshold, maxDetections, threads, maxBatchSize);
    }

    public DetectorOptions withIouThreshold(double value) {
        return new DetectorOptions(scoreThreshold, value, maxDetections, threads, maxBatchSize);
    }

    public DetectorOptions withMaxDetections(int value) {
        return new DetectorOptions(scoreThreshold, iouThreshold, value, threads, maxBatchSize);
    }

    public DetectorOptions withThreads(int value) {
        return new DetectorOptions(
                scoreThreshold, iouThreshold, maxDetections, value, maxBatchSize);
    }
}
