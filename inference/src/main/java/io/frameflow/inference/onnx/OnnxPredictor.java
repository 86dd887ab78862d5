package io.frameflow.inference.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.Translator;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final long[] itemInputShape;
    private final Map<String, long[]> itemOutputShapes;
    private final boolean fixedBatch;
    private final int batchCapacity;
    private final FloatBuffer inputBuffer;
    private final FloatBuffer[] inputItems;
    private final BatchBinding[] bindings;
    private float[] zeros;
    private long runs;
    private boolean closed;

    private OnnxPredictor(OnnxSession session, Translator<I, O> translator, int maxBatchSize) {
        this.modelId = session.modelId();
        this.session = session;
        this.translator = translator;
        session.checkFedInputs(translator.inputName());
        int modelBatch = session.batchSize(translator.inputName(), translator.outputNames());
        ModelSignature signature = session.signature();
        translator.check(signature);
        this.itemInputShape =
                resolved(translator.inputName(), translator.itemInputShape(signature));
        this.itemOutputShapes = new LinkedHashMap<>();
        for (String output : translator.outputNames()) {
            itemOutputShapes.put(
                    output,
                    resolved(
                            output,
                            translator.itemOutputShape(output, itemInputShape.clone(), signature)));
        }
        this.fixedBatch = modelBatch > 0;
        this.batchCapacity = fixedBatch ? modelBatch : maxBatchSize;
        int itemSize = ModelSignature.elementCount(itemInputShape);
        this.inputBuffer = BatchBinding.directFloats(batchCapacity * itemSize);
        this.inputItems = new FloatBuffer[batchCapacity];
        for (int i = 0; i < batchCapacity; i++) {
            inputItems[i] = inputBuffer.slice(i * itemSize, itemSize);
        }
        this.bindings = new BatchBinding[batchCapacity + 1];
    }

    private long[] resolved(String tensor, long[] shape) {
        if (shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d <= 0)) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + ": tensor '"
                            + tensor
                            + "' has per-item shape "
                            + Arrays.toString(shape)
                            + " with a dynamic dimension that its translator does not fix");
        }
        return shape.clone();
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
        List<O> results = new ArrayList<>(inputs.size());
        for (int start = 0; start < inputs.size(); start += batchCapacity) {
            List<I> chunk = inputs.subList(start, Math.min(inputs.size(), start + batchCapacity));
            runChunk(chunk, results);
        }
        return results;
    }

    private void runChunk(List<I> chunk, List<O> results) {
        int batchSize = fixedBatch ? batchCapacity : chunk.size();
        BatchBinding binding = binding(batchSize);
        for (int i = 0; i < chunk.size(); i++) {
            translator.preprocess(chunk.get(i), inputItems[i]);
        }
        for (int i = chunk.size(); i < batchSize; i++) {
            // Padding of a fixed batch: zeros, so that runs are deterministic.
            inputItems[i].put(0, zeros());
        }
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
                                itemInputShape,
                                itemOutputShapes,
                                batchSize);
            } catch (OrtException e) {
                throw new InferenceException(
                        "failed to create tensors for model " + modelId + ": " + e.getMessage(), e);
            }
        }
        return bindings[batchSize];
    }

    private float[] zeros() {
        if (zeros == null) {
            zeros = new float[ModelSignature.elementCount(itemInputShape)];
        }
        return zeros;
    }

    /** Runtime calls made so far; with a fixed batch of 1, one per item. */
    public long runs() {
        return runs;
    }

    /** Items per run: the model's fixed batch size, or the maximum stacked for a dynamic one. */
    public int batchCapacity() {
        return batchCapacity;
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
