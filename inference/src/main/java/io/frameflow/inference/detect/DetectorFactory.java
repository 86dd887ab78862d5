package io.frameflow.inference.detect;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.runtime.LocalModelFile;
import io.frameflow.inference.runtime.ModelRuntime;
import io.frameflow.inference.spec.BlazeFaceDecoderSpec;
import io.frameflow.inference.spec.DecoderSpec;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelTask;
import io.frameflow.inference.spec.NanoDetGflDecoderSpec;
import io.frameflow.inference.spec.SsdDecoderSpec;
import io.frameflow.inference.spec.YoloDecoderSpec;
import java.util.List;
import java.util.Objects;

/**
 * Creates detectors where they run, with the translator that the spec's decoder type calls for
 * ({@code nanodet-gfl}, {@code blazeface}, {@code yolo}, {@code ssd}), on the backend that the
 * options' {@link io.frameflow.inference.runtime.RuntimeOptions} select. Built on the client from a
 * model that is already in the local cache; serialised into the job with the spec, the ONNX file's
 * path and its sha256. {@link #create()} only loads that local file, after checking its digest: it
 * never downloads.
 */
public final class DetectorFactory implements PredictorFactory<BgrImage, List<DetectedObject>> {
    private static final long serialVersionUID = 1L;

    private final ModelSpec spec;
    private final LocalModelFile file;
    private final DetectorOptions options;

    public DetectorFactory(FetchedModel model, DetectorOptions options) {
        Objects.requireNonNull(model, "model");
        this.spec = model.spec();
        this.file = model.localFile();
        this.options = Objects.requireNonNull(options, "options");
        if (spec.task() != ModelTask.DETECT) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + " is a " + spec.task() + " model, not a detector");
        }
        // Fails here, on the client, for a spec no translator can serve.
        translator(spec, options);
    }

    /** A detector with the model's default thresholds and the default runtime options. */
    public static DetectorFactory withDefaults(FetchedModel model) {
        return new DetectorFactory(model, DetectorOptions.from(model.spec().defaults()));
    }

    /** The translator for the spec's decoder type. */
    static DetectionTranslator translator(ModelSpec spec, DetectorOptions options) {
        DecoderSpec decoder = spec.decoder();
        if (decoder instanceof NanoDetGflDecoderSpec) {
            return new NanoDetTranslator(spec, options);
        } else if (decoder instanceof BlazeFaceDecoderSpec) {
            return new BlazeFaceTranslator(spec, options);
        } else if (decoder instanceof YoloDecoderSpec) {
            return new YoloTranslator(spec, options);
        } else if (decoder instanceof SsdDecoderSpec) {
            return new SsdTranslator(spec, options);
        }
        throw new IllegalArgumentException(
                "model " + spec.modelId() + ": no detector translator for " + decoder);
    }

    /**
     * Loads the model.
     *
     * @throws InferenceException if the file is missing, changed, not ONNX, or does not fit the
     *     spec; the message names the model and the file
     */
    @Override
    public Predictor<BgrImage, List<DetectedObject>> create() {
        return ModelRuntime.load(file, options.runtime(), translator(spec, options));
    }

    @Override
    public String modelId() {
        return spec.modelId();
    }

    public DetectorOptions options() {
        return options;
    }
}
