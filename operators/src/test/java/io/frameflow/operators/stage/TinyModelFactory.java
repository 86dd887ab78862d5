package io.frameflow.operators.stage;

import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.inference.fetch.Sha256;
import io.frameflow.inference.runtime.Backend;
import io.frameflow.inference.runtime.LocalModelFile;
import io.frameflow.inference.runtime.ModelRuntime;
import io.frameflow.inference.runtime.Precision;
import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.runtime.Translator;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A predictor factory for a {@link TinyModels} file, loaded through {@link ModelRuntime} on ONNX
 * Runtime like every catalog model: the predictors are real, only the models are small.
 */
final class TinyModelFactory<I, O> implements PredictorFactory<I, O> {
    private static final long serialVersionUID = 1L;

    /** Serializable supplier of a fresh translator per predictor. */
    interface TranslatorSupplier<I, O> extends Supplier<Translator<I, O>>, java.io.Serializable {}

    private final LocalModelFile file;
    private final int maxBatchSize;
    private final TranslatorSupplier<I, O> translator;

    TinyModelFactory(
            String modelId, Path onnx, int maxBatchSize, TranslatorSupplier<I, O> translator) {
        this.file = new LocalModelFile(modelId, onnx.toString(), Sha256.of(onnx));
        this.maxBatchSize = maxBatchSize;
        this.translator = translator;
    }

    @Override
    public Predictor<I, O> create() {
        return ModelRuntime.load(
                file,
                new RuntimeOptions(Backend.ONNXRUNTIME, Precision.FP32, 1, maxBatchSize),
                translator.get());
    }

    @Override
    public String modelId() {
        return file.modelId();
    }
}
