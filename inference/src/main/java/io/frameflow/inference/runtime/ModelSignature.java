package io.frameflow.inference.runtime;

import io.frameflow.inference.api.InferenceException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of a loaded model as a translator sees them: per item, without the batch dimension,
 * with -1 where a dimension other than the batch is dynamic.
 *
 * @param modelId the model, for error messages
 * @param inputs per-item shape of each float input, by name
 * @param outputs per-item shape of each float output, by name
 */
public record ModelSignature(
        String modelId, Map<String, long[]> inputs, Map<String, long[]> outputs) {

    public ModelSignature {
        inputs = copy(inputs);
        outputs = copy(outputs);
    }

    private static Map<String, long[]> copy(Map<String, long[]> shapes) {
        Map<String, long[]> copy = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> copy.put(name, shape.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** The per-item shape of an input; fails with the names the model has. */
    public long[] input(String name) {
        return lookup(inputs, name, "input");
    }

    /** The per-item shape of an output; fails with the names the model has. */
    public long[] output(String name) {
        return lookup(outputs, name, "output");
    }

    private long[] lookup(Map<String, long[]> shapes, String name, String kind) {
        long[] shape = shapes.get(name);
        if (shape == null) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " has no "
                            + kind
                            + " '"
                            + name
                            + "'; its "
                            + kind
                            + "s: "
                            + shapes.keySet());
        }
        return shape.clone();
    }

    /** Number of floats in one item of a tensor with this per-item shape. */
    public static int elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        return Math.toIntExact(count);
    }
}
