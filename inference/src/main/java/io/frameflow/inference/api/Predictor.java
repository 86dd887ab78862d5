package io.frameflow.inference.api;

import java.util.List;

/**
 * Runs one model on batches of inputs. A predictor owns native resources (a runtime session, its
 * buffers) and is used by one thread at a time; {@link #close()} frees them deterministically.
 *
 * @param <I> one input item, e.g. {@link BgrImage}
 * @param <O> what the model's translator makes of one item's outputs
 */
public interface Predictor<I, O> extends AutoCloseable {

    /**
     * Predicts a batch. The result has one element per input, in input order. A batch larger than
     * the model's batch size is split internally.
     *
     * @throws InferenceException if the runtime fails; the message names the model
     */
    List<O> predict(List<I> inputs);

    /** Predicts one item. */
    default O predict(I input) {
        return predict(List.of(input)).get(0);
    }

    /** The model this predictor runs, as {@code name@version}, e.g. {@code nanodet-coco@3.0.4}. */
    String modelId();

    @Override
    void close();
}
