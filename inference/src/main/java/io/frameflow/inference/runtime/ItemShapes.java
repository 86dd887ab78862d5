package io.frameflow.inference.runtime;

import io.frameflow.inference.api.InferenceException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-item tensor shapes a predictor runs a model with, every dimension fixed: the translator's
 * input shape, and the shape of each output it reads for that input. Both backends take them from
 * here, so that a model fits (or fails) the same way on either.
 *
 * @param input per-item shape of the translator's input
 * @param outputs per-item shape of each output the translator reads, in its order
 */
public record ItemShapes(long[] input, Map<String, long[]> outputs) {

    /**
     * Lets the translator check the model's signature and fix its dynamic dimensions.
     *
     * @throws InferenceException naming the model and the tensor if the translator rejects the
     *     model or leaves a dimension dynamic
     */
    public static ItemShapes resolve(
            String modelId, Translator<?, ?> translator, ModelSignature signature) {
        translator.check(signature);
        long[] input = fixed(modelId, translator.inputName(), translator.itemInputShape(signature));
        Map<String, long[]> outputs = new LinkedHashMap<>();
        for (String output : translator.outputNames()) {
            outputs.put(
                    output,
                    fixed(
                            modelId,
                            output,
                            translator.itemOutputShape(output, input.clone(), signature)));
        }
        return new ItemShapes(input, Collections.unmodifiableMap(outputs));
    }

    private static long[] fixed(String modelId, String tensor, long[] shape) {
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

    /** Floats in one item of the input. */
    public int inputSize() {
        return ModelSignature.elementCount(input);
    }

    /** Floats in one item of an output. */
    public int outputSize(String output) {
        return ModelSignature.elementCount(outputs.get(output));
    }
}
