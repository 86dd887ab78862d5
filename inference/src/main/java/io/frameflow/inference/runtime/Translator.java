package io.frameflow.inference.runtime;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Pre- and post-processing of one item for a model with one float input. Batching is not its
 * concern: the predictor (ONNX Runtime or TensorRT) gives it one item's slice of the batch tensors.
 * A translator may keep scratch buffers between calls; it is used by one thread at a time.
 *
 * @param <I> one input item
 * @param <O> the result for one item
 */
public interface Translator<I, O> {

    /** The model input this translator fills. */
    String inputName();

    /** The model outputs {@link #postprocess} reads. */
    List<String> outputNames();

    /**
     * Checks the loaded model's tensor shapes before the first item, so that a model that does not
     * fit fails at load time with a clear message instead of producing garbage.
     *
     * @throws io.frameflow.inference.api.InferenceException naming the model, tensor and shapes
     */
    void check(ModelSignature signature);

    /**
     * The per-item shape (batch dimension excluded) of the input this translator fills. The model's
     * own shape has -1 where a dimension is dynamic (e.g. the height and width of a fully
     * convolutional model); a translator of such a model fixes them here, e.g. to its tile size.
     * Every dimension of the result must be positive.
     */
    default long[] itemInputShape(ModelSignature signature) {
        return signature.input(inputName());
    }

    /**
     * The per-item shape of {@code output} when the input has {@code itemInputShape}. A translator
     * whose model has dynamic output dimensions computes them here (e.g. the input size times the
     * upscaling factor). Every dimension of the result must be positive.
     */
    default long[] itemOutputShape(String output, long[] itemInputShape, ModelSignature signature) {
        return signature.output(output);
    }

    /**
     * Writes one item's input.
     *
     * @param target exactly one item's elements, indexed from 0 (absolute puts; the position is
     *     irrelevant)
     */
    void preprocess(I input, FloatBuffer target);

    /**
     * Turns one item's outputs into its result. The buffers are reused by the next call: copy what
     * must outlive this one.
     */
    O postprocess(I input, ItemOutputs outputs);
}
