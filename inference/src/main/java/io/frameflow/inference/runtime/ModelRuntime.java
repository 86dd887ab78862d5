package io.frameflow.inference.runtime;

import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.onnx.OnnxPredictor;
import io.frameflow.inference.onnx.OnnxSessionOptions;

/**
 * Loads a model on the backend its {@link RuntimeOptions} select. Every task's predictor factory
 * goes through here, so that backend choice, its log line and its errors are the same for
 * restoration, segmentation and detection.
 */
public final class ModelRuntime {

    private ModelRuntime() {}

    /**
     * Loads {@code model} (after checking its digest) for {@code translator}.
     *
     * @throws io.frameflow.inference.api.InferenceException if the file is missing or changed, the
     *     model does not fit the translator, or the forced backend cannot run here
     */
    public static <I, O> Predictor<I, O> load(
            LocalModelFile model, RuntimeOptions options, Translator<I, O> translator) {
        var file = model.verified();
        OnnxSessionOptions session =
                OnnxSessionOptions.defaults().withIntraOpThreads(options.threads());
        return OnnxPredictor.load(
                model.modelId(), file, session, options.maxBatchSize(), translator);
    }
}
