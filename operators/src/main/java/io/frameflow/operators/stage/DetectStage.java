package io.frameflow.operators.stage;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.operators.batch.BatchOptions;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A detection stage. A primary stage ({@code on} empty) runs its model on the whole frame and its
 * objects become the result's detections. A secondary stage ({@code on} = labels of the primary
 * stage, e.g. {@code person}) runs its model on crops of the primary detections with those labels
 * and nests what it finds under each as children (e.g. faces inside persons); the crops of all the
 * frames of a batch go to the model together.
 *
 * @param name the stage's name
 * @param detector the model
 * @param batch batching of frames (a secondary stage's model calls are split into batches of at
 *     most {@code batch.maxBatchSize()} crops)
 * @param on labels of the primary stage's detections to crop; empty for a primary stage
 * @param cropPadding how much each crop extends beyond its detection's box on every side, as a
 *     fraction of the box's width (left, right) and height (top, bottom); 0 to 1
 */
public record DetectStage(
        String name,
        PredictorFactory<BgrImage, List<DetectedObject>> detector,
        BatchOptions batch,
        Set<String> on,
        double cropPadding)
        implements ModelStage {

    private static final long serialVersionUID = 1L;

    /** Default {@link #cropPadding()}: 10 % of the box on each side. */
    public static final double DEFAULT_CROP_PADDING = 0.1;

    public DetectStage {
        ModelStage.checkName(name);
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(detector.modelId(), "detector.modelId()");
        Objects.requireNonNull(batch, "batch");
        on = Set.copyOf(on);
        if (!(cropPadding >= 0 && cropPadding <= 1)) {
            throw new IllegalArgumentException(
                    "crop-padding must be between 0 and 1 (a fraction of the box), got "
                            + cropPadding);
        }
    }

    /** A primary detection stage. */
    public static DetectStage primary(
            String name,
            PredictorFactory<BgrImage, List<DetectedObject>> detector,
            BatchOptions batch) {
        return new DetectStage(name, detector, batch, Set.of(), DEFAULT_CROP_PADDING);
    }

    /** Whether this stage runs on crops of an earlier stage's detections. */
    public boolean secondary() {
        return !on.isEmpty();
    }

    @Override
    public String kind() {
        return "detect";
    }

    @Override
    public String modelId() {
        return detector.modelId();
    }

    @Override
    public StageModel open(String task) {
        var predictor = Predictors.create(detector, name, task);
        return secondary()
                ? new CropDetectModel(predictor, on, cropPadding, batch.maxBatchSize())
                : new DetectModel(predictor);
    }
}
