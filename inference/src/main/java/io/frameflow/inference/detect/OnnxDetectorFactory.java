package io.frameflow.inference.detect;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.runtime.LocalModelFile;
import io.frameflow.inference.runtime.ModelRuntime;
import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelTask;
import io.frameflow.inference.spec.NanoDetGflDecoderSpec;
import java.util.List;
import java.util.Objects;

/**
 * Creates ONNX Runtime detectors where they run. Built on the client from a model that is already
 * in the local cache; serialised into the job with the spec, the ONNX file's path and its sha256.
 * {@link #create()} only loads that local file, after checking its digest: it never downloads.
 */
public final class OnnxDetectorFactory implements PredictorFactory<BgrImage, List<DetectedObject>> {
    private static final long serialVersionUID = 1L;

    private final ModelSpec spec;
    private final String onnxFile;
    private final String onnxSha256;
    private final DetectorOptions options;

    public OnnxDetectorFactory(FetchedModel model, DetectorOptions options) {
        Objects.requireNonNull(model, "model");
        this.spec = model.spec();
        this.onnxFile = model.onnxFile().toString();
        this.onnxSha256 = model.onnxSha256();
        this.options = Objects.requireNonNull(options, "options");
        if (spec.task() != ModelTask.DETECT) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + " is a " + spec.task() + " model, not a detector");
        }
        if (!(spec.decoder() instanceof NanoDetGflDecoderSpec)) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + ": no detector translator for " + spec.decoder());
        }
    }

    /** A detector with the model's default thresholds. */
    public static OnnxDetectorFactory withDefaults(FetchedModel model) {
        return new OnnxDetectorFactory(model, DetectorOptions.from(model.spec().defaults()));
    }

    @Override
    public Predictor<BgrImage, List<DetectedObject>> create() {
        RuntimeOptions runtime =
                RuntimeOptions.defaults()
                        .withThreads(options.threads())
                        .withMaxBatchSize(options.maxBatchSize());
        return ModelRuntime.load(
                new LocalModelFile(modelId(), onnxFile, onnxSha256),
                runtime,
                new NanoDetTranslator(spec, options));
    }

    @Override
    public String modelId() {
        return spec.modelId();
    }

    public DetectorOptions options() {
        return options;
    }
}
