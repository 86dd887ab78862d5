package io.frameflow.inference.runtime;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.onnx.OnnxPredictor;
import io.frameflow.inference.onnx.OnnxSessionOptions;
import io.frameflow.inference.trt.EngineCache;
import io.frameflow.inference.trt.TrtAvailability;
import io.frameflow.inference.trt.TrtModelLoader;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a model on the backend its {@link RuntimeOptions} select. Every task's predictor factory
 * goes through here, so that backend choice, its log line and its errors are the same for
 * restoration, segmentation and detection.
 *
 * <p>{@link Backend#AUTO} picks TensorRT where {@link TrtAvailability} finds an NVIDIA driver and
 * libnvinfer, else ONNX Runtime on the CPU; the choice and its reason are logged at INFO in one
 * line per model. If TensorRT was picked automatically but cannot load this model (an operator its
 * ONNX parser lacks, out of GPU memory), the model falls back to ONNX Runtime with a warning. A
 * forced backend never falls back.
 */
public final class ModelRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRuntime.class);

    private ModelRuntime() {}

    /**
     * Loads {@code model} (after checking its digest) for {@code translator}.
     *
     * @throws InferenceException if the file is missing or changed, the model does not fit the
     *     translator, or the forced backend cannot run here; the message names the model and the
     *     file
     */
    public static <I, O> Predictor<I, O> load(
            LocalModelFile model, RuntimeOptions options, Translator<I, O> translator) {
        return load(model, options, translator, TrtAvailability.get());
    }

    /** As {@link #load(LocalModelFile, RuntimeOptions, Translator)}, with a given probe result. */
    static <I, O> Predictor<I, O> load(
            LocalModelFile model,
            RuntimeOptions options,
            Translator<I, O> translator,
            TrtAvailability trt) {
        BackendSelection selection = BackendSelection.choose(model.modelId(), options, trt);
        Path file = model.verified();
        LOG.info("{}", selection.logLine(model.modelId()));
        if (selection.backend() == Backend.TENSORRT) {
            try {
                return TrtModelLoader.load(
                        model.modelId(),
                        file,
                        model.sha256(),
                        options,
                        translator,
                        trt.platform().orElseThrow(),
                        EngineCache.forModel(file));
            } catch (RuntimeException | LinkageError e) {
                // LinkageError: a libnvinfer whose symbols differ from the bindings' shows up
                // only when a function is first called.
                InferenceException failure =
                        e instanceof InferenceException known
                                ? namingFile(known, model)
                                : new InferenceException(
                                        "model "
                                                + model.modelId()
                                                + ": TensorRT failed to load it: "
                                                + describe(e),
                                        e);
                if (options.backend() != Backend.AUTO) {
                    throw failure;
                }
                LOG.warn(
                        "model {}: TensorRT could not load it, falling back to ONNX Runtime"
                                + " (CPU): {}",
                        model.modelId(),
                        failure.getMessage());
            }
        }
        OnnxSessionOptions session =
                OnnxSessionOptions.defaults().withIntraOpThreads(options.threads());
        try {
            return OnnxPredictor.load(
                    model.modelId(), file, session, options.maxBatchSize(), translator);
        } catch (InferenceException e) {
            throw namingFile(e, model);
        }
    }

    /**
     * The error, with the model's file added where the message lacks it: a translator's shape
     * checks know the model and the spec key, not where the file is.
     */
    private static InferenceException namingFile(InferenceException e, LocalModelFile model) {
        if (e.getMessage() != null && e.getMessage().contains(model.path())) {
            return e;
        }
        return new InferenceException(e.getMessage() + " (model file " + model.path() + ")", e);
    }

    /** The error and, where it wraps others (a failed static initialiser), its innermost cause. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + ", caused by " + root;
    }
}
