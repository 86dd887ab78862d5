package io.frameflow.inference.segment;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.runtime.LocalModelFile;
import io.frameflow.inference.runtime.ModelRuntime;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelTask;
import io.frameflow.inference.spec.ProbabilityMapDecoderSpec;
import java.util.Objects;

/**
 * Creates segmenters where they run. Built on the client from a model that is already in the local
 * cache, validated here; serialised into the job with the spec, the ONNX file's path and its
 * sha256. {@link #create()} only loads that local file, after checking its digest, through {@link
 * ModelRuntime}: it never downloads.
 */
public final class SegmenterFactory implements PredictorFactory<BgrImage, Segmentation> {
    private static final long serialVersionUID = 1L;

    private final ModelSpec spec;
    private final LocalModelFile file;
    private final SegmenterOptions options;

    public SegmenterFactory(FetchedModel model, SegmenterOptions options) {
        Objects.requireNonNull(model, "model");
        this.spec = model.spec();
        this.options = Objects.requireNonNull(options, "options");
        if (spec.task() != ModelTask.SEGMENT) {
            throw new IllegalArgumentException(
                    "model "
                            + spec.modelId()
                            + " is a "
                            + spec.task().name().toLowerCase()
                            + " model, not a segmentation model");
        }
        if (!(spec.decoder() instanceof ProbabilityMapDecoderSpec)) {
            throw new IllegalArgumentException(
                    "model "
                            + spec.modelId()
                            + ": no segmentation translator for "
                            + spec.decoder());
        }
        this.file = model.localFile();
    }

    /** A segmenter with the model's threshold and default options. */
    public static SegmenterFactory withDefaults(FetchedModel model) {
        return new SegmenterFactory(model, SegmenterOptions.from(model.spec()));
    }

    @Override
    public Predictor<BgrImage, Segmentation> create() {
        return ModelRuntime.load(
                file, options.runtime(), new ProbabilityMapTranslator(spec, options));
    }

    @Override
    public String modelId() {
        return spec.modelId();
    }

    public SegmenterOptions options() {
        return options;
    }
}
