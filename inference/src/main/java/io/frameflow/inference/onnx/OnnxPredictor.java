package io.frameflow.inference.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.runtime.BatchInput;
import io.frameflow.inference.runtime.ItemShapes;
import io.frameflow.inference.runtime.Translator;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs an ONNX model through ONNX Runtime with a {@link Translator} for pre- and post-processing. A
 * model whose batch dimension is fixed runs in chunks of that size (one by one for NanoDet's fixed
 * 1); a model with a dynamic batch dimension gets up to {@code maxBatchSize} items stacked per run.
 * The input buffer and the tensors of each batch size are allocated once and reused, so a call
 * allocates no tensor memory; every native object is freed by {@link #close()}.
 */
public final class OnnxPredictor<I, O> implements Predictor<I, O> {
    private final String modelId;
    private final OnnxSession session;
    private final Translator<I, O> translator;
    private final ItemShapes shapes;
    private final FloatBuffer inputBuffer;
    private final BatchInput input;
    private final BatchBinding[] bindings;
    private long runs;
    private boolean closed;

    private OnnxPredictor(OnnxSession session, Translator<I, O> translator, int maxBatchSize) {
        this.modelId = session.modelId();
        this.session = session;
        this.translator = translator;
        session.checkFedInputs(translator.inputName());
        int modelBatch = session.batchSize(translator.inputName(), translator.outputNames());
        this.shapes = ItemShapes.resolve(modelId, translator, session.signature());
        int batchCapacity = modelBatch > 0 ? modelBatch : maxBatchSize;
        this.inputBuffer = BatchBinding.directFloats(batchCapacity * shapes.inputSize());
        this.input = new BatchInput(inputBuffer, shapes.inputSize(), batchCapacity, modelBatch > 0);
        this.bindings = new BatchBinding[batchCapacity + 1];
    }

    /**
     * Loads a model and checks that it fits the translator.
     *
     * @param maxBatchSize items stacked per run if the model's batch dimension is dynamic; ignored
     *     if it is fixed
     * @throws InferenceException if the file cannot be loaded or does not fit; the message names
     *     the model and the file
     */
    public static <I, O> OnnxPredictor<I, O> load(
            String modelId,
            Path onnxFile,
            OnnxSessionOptions options,
            int maxBatchSize,
            Translator<I, O> translator) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException(
                    "max-batch-size: " + maxBatchSize + " is not a positive integer");
        }
        OnnxSession session = OnnxSession.open(modelId, onnxFile, options);
        try {
            return new OnnxPredictor<>(session, translator, maxBatchSize);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public List<O> predict(List<I> inputs) {
        if (closed) {
            throw new IllegalStateException("predictor for " + modelId + " is closed");
        }
        return input.inChunks(inputs, this::runChunk);
    }

    private void runChunk(List<I> chunk, List<O> results) {
        int batchSize = input.fill(translator, chunk);
        BatchBinding binding = binding(batchSize);
        try (OrtSession.Result ignored =
                session.session().run(binding.inputs, Set.of(), binding.pinnedOutputs)) {
            runs++;
        } catch (OrtException e) {
            throw new InferenceException(
                    "failed to run model "
                            + modelId
                            + " on a batch of "
                            + batchSize
                            + ": "
                            + e.getMessage(),
                    e);
        }
        for (int i = 0; i < chunk.size(); i++) {
            results.add(translator.postprocess(chunk.get(i), binding.item(i)));
        }
    }

    private BatchBinding binding(int batchSize) {
        if (bindings[batchSize] == null) {
            try {
                bindings[batchSize] =
                        BatchBinding.create(
                                OnnxEnvironment.get(),
                                translator.inputName(),
                                inputBuffer,
                                shapes.input(),
                                shapes.outputs(),
                                batchSize);
            } catch (OrtException e) {
                throw new InferenceException(
                        "failed to create tensors for model " + modelId + ": " + e.getMessage(), e);
            }
        }
        return bindings[batchSize];
    }

    /** Runtime calls made so far; with a fixed batch of 1, one per item. */
    public long runs() {
        return runs;
    }

    /** Items per run: the model's fixed batch size, or the maximum stacked for a dynamic one. */
    public int batchCapacity() {
        return input.capacity();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (BatchBinding binding : bindings) {
                if (binding != null) {
                    binding.close();
                }
            }
        } finally {
            session.close();
        }
    }
}
