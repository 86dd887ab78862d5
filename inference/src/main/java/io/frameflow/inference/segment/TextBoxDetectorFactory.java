package io.frameflow.inference.segment;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.runtime.LocalModelFile;
import io.frameflow.inference.runtime.ModelRuntime;
import io.frameflow.inference.spec.ModelSpec;
import java.util.List;
import java.util.Objects;

/**
 * Creates text detectors where they run: a one-class {@code probability-map} model (e.g. {@code
 * ppocr-det}) whose connected regions become {@link DetectedObject}s ({@link DbTextBoxTranslator}).
 * Built and validated on the client from a cached model; {@link #create()} only loads the local
 * file, after checking its digest, through {@link ModelRuntime}.
 */
public final class TextBoxDetectorFactory
        implements PredictorFactory<BgrImage, List<DetectedObject>> {
    private static final long serialVersionUID = 1L;

    private final ModelSpec spec;
    private final LocalModelFile file;
    private final TextBoxOptions options;

    public TextBoxDetectorFactory(FetchedModel model, TextBoxOptions options) {
        Objects.requireNonNull(model, "model");
        this.spec = model.spec();
        this.options = Objects.requireNonNull(options, "options");
        // Validates the decoder kind and the single label now, on the client.
        new DbTextBoxTranslator(spec, options);
        this.file = model.localFile();
    }

    /** A text detector with the model's default thresholds. */
    public static TextBoxDetectorFactory withDefaults(FetchedModel model) {
        return new TextBoxDetectorFactory(model, TextBoxOptions.from(model.spec()));
    }

    @Override
    public Predictor<BgrImage, List<DetectedObject>> create() {
        return ModelRuntime.load(file, options.runtime(), new DbTextBoxTranslator(spec, options));
    }

    @Override
    public String modelId() {
        return spec.modelId();
    }

    public TextBoxOptions options() {
        return options;
    }
}
