package io.frameflow.inference.runtime;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The input side of a predictor's batches, whatever the backend: a buffer of {@code capacity}
 * items, one slice per item that the translator fills. A model with a fixed batch always runs full
 * batches, the items past the real ones padded with zeros so that runs are deterministic; a model
 * with a dynamic batch runs as many items as it is given, up to the capacity.
 */
public final class BatchInput {
    private final FloatBuffer[] items;
    private final int itemSize;
    private final boolean fixedBatch;
    private float[] zeros;

    /**
     * @param buffer room for {@code capacity * itemSize} floats from index 0, e.g. a direct buffer
     *     or pinned host memory
     * @param fixedBatch whether the model only runs batches of exactly {@code capacity}
     */
    public BatchInput(FloatBuffer buffer, int itemSize, int capacity, boolean fixedBatch) {
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "batch capacity must be at least 1, got " + capacity);
        }
        this.items = new FloatBuffer[capacity];
        for (int i = 0; i < capacity; i++) {
            items[i] = buffer.slice(i * itemSize, itemSize);
        }
        this.itemSize = itemSize;
        this.fixedBatch = fixedBatch;
    }

    /** Items per run: the fixed batch, or the most a dynamic one stacks. */
    public int capacity() {
        return items.length;
    }

    /**
     * Splits {@code inputs} into chunks of at most {@link #capacity()} items, in order, and lets
     * {@code run} add each chunk's results.
     */
    public <I, O> List<O> inChunks(List<I> inputs, BiConsumer<List<I>, List<O>> run) {
        List<O> results = new ArrayList<>(inputs.size());
        for (int start = 0; start < inputs.size(); start += items.length) {
            run.accept(
                    inputs.subList(start, Math.min(inputs.size(), start + items.length)), results);
        }
        return results;
    }

    /**
     * Has the translator write each item of {@code chunk} into its slice and pads a fixed batch.
     *
     * @return the batch size to run: the capacity for a fixed batch, else the chunk's size
     */
    public <I> int fill(Translator<I, ?> translator, List<I> chunk) {
        int batchSize = fixedBatch ? items.length : chunk.size();
        for (int i = 0; i < chunk.size(); i++) {
            translator.preprocess(chunk.get(i), items[i]);
        }
        for (int i = chunk.size(); i < batchSize; i++) {
            if (zeros == null) {
                zeros = new float[itemSize];
            }
            items[i].put(0, zeros);
        }
        return batchSize;
    }
}
