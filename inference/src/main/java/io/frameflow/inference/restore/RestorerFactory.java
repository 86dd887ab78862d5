package io.frameflow.inference.restore;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.api.RestoredImage;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.runtime.LocalModelFile;
import io.frameflow.inference.runtime.ModelRuntime;
import io.frameflow.inference.spec.ImageDecoderSpec;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelTask;
import io.frameflow.inference.spec.TensorLayout;
import java.util.Objects;

/**
 * Creates restorers (image-to-image models such as denoisers and upscalers) where they run. Built
 * and validated on the client from a model in the local cache; {@link #create()} loads that file
 * through {@link ModelRuntime} after checking its digest, never downloading. A restorer processes a
 * frame in overlapping square tiles of the configured size, batched through the model, and reports
 * PSNR and SSIM between its input and output.
 */
public final class RestorerFactory implements PredictorFactory<BgrImage, RestoredImage> {
    private static final long serialVersionUID = 1L;

    private final ModelSpec spec;
    private final LocalModelFile file;
    private final RestorerOptions options;

    public RestorerFactory(FetchedModel model, RestorerOptions options) {
        Objects.requireNonNull(model, "model");
        this.spec = model.spec();
        this.file = model.localFile();
        this.options = Objects.requireNonNull(options, "options");
        if (spec.task() != ModelTask.RESTORE) {
            throw new IllegalArgumentException(
                    "model "
                            + spec.modelId()
                            + " is a "
                            + spec.task()
                            + " model, not a restoration model");
        }
        if (!(spec.decoder() instanceof ImageDecoderSpec)) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + ": no restoration decoder in " + spec.decoder());
        }
        if (spec.input().layout() != TensorLayout.NCHW) {
            throw new IllegalArgumentException(
                    "model "
                            + spec.modelId()
                            + ": input.layout "
                            + spec.input().layout()
                            + " is not supported for restoration; only NCHW is");
        }
    }

    /** A restorer with default options. */
    public static RestorerFactory withDefaults(FetchedModel model) {
        return new RestorerFactory(model, RestorerOptions.defaults());
    }

    /**
     * Fails at startup, where the frame size is known, if frames of this size cannot be restored.
     *
     * @throws IllegalArgumentException naming the tile option and the frame size
     */
    public void checkFrameSize(int width, int height) {
        if (width < options.tile() || height < options.tile()) {
            throw new IllegalArgumentException(
                    "tile: "
                            + options.tile()
                            + " is larger than the "
                            + width
                            + "x"
                            + height
                            + " frames of this stream; use at most "
                            + Math.min(width, height));
        }
    }

    @Override
    public Predictor<BgrImage, RestoredImage> create() {
        return new TiledRestorer(
                ModelRuntime.load(
                        file, options.runtime(), new TileTranslator(spec, options.tile())),
                options,
                scale());
    }

    @Override
    public String modelId() {
        return spec.modelId();
    }

    public RestorerOptions options() {
        return options;
    }

    /** How many times larger than its input the model's output is. */
    public int scale() {
        return ((ImageDecoderSpec) spec.decoder()).scale();
    }
}
