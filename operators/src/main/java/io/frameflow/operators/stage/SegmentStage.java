package io.frameflow.operators.stage;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.operators.batch.BatchOptions;
import java.util.Objects;

/**
 * A segmentation stage: area fraction, run-length mask and outlines per class of its model, with
 * outlines in the source frame's pixels.
 */
public record SegmentStage(
        String name, PredictorFactory<BgrImage, Segmentation> segmenter, BatchOptions batch)
        implements ModelStage {

    private static final long serialVersionUID = 1L;

    public SegmentStage {
        ModelStage.checkName(name);
        Objects.requireNonNull(segmenter, "segmenter");
        Objects.requireNonNull(segmenter.modelId(), "segmenter.modelId()");
        Objects.requireNonNull(batch, "batch");
    }

    @Override
    public String kind() {
        return "segment";
    }

    @Override
    public String modelId() {
        return segmenter.modelId();
    }

    @Override
    public StageModel open(String task) {
        return new SegmentModel(Predictors.create(segmenter, name, task));
    }
}
