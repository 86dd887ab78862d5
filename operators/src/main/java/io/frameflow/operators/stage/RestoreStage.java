package io.frameflow.operators.stage;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.api.RestoredImage;
import io.frameflow.operators.batch.BatchOptions;
import java.util.Objects;

/**
 * A restoration stage: its model's output picture replaces the frame for every later stage, and the
 * result reports whether it ran and its PSNR and SSIM. Later stages still report coordinates in the
 * source frame's pixels, even after an upscaling model.
 */
public record RestoreStage(
        String name, PredictorFactory<BgrImage, RestoredImage> restorer, BatchOptions batch)
        implements ModelStage {

    private static final long serialVersionUID = 1L;

    public RestoreStage {
        ModelStage.checkName(name);
        Objects.requireNonNull(restorer, "restorer");
        Objects.requireNonNull(restorer.modelId(), "restorer.modelId()");
        Objects.requireNonNull(batch, "batch");
    }

    @Override
    public String kind() {
        return "restore";
    }

    @Override
    public String modelId() {
        return restorer.modelId();
    }

    @Override
    public StageModel open(String task) {
        return new RestoreModel(Predictors.create(restorer, name, task));
    }
}
