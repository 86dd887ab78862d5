package io.frameflow.inference.runtime;

import io.frameflow.inference.api.InferenceException;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * The translator of {@code TinyOnnxModels.addAndDouble}: feeds three floats to {@code x} and reads
 * back {@code y} and {@code z} as {@code [y0, y1, y2, z0, z1, z2]}. Shared by the runtime and
 * TensorRT tests, so that both backends run the same model through the same contract.
 */
public final class VectorTranslator implements Translator<float[], float[]> {
    private static final List<String> OUTPUTS = List.of("y", "z");

    @Override
    public String inputName() {
        return "x";
    }

    @Override
    public List<String> outputNames() {
        return OUTPUTS;
    }

    @Override
    public void check(ModelSignature signature) {
        if (signature.input("x").length != 1 || signature.input("x")[0] != 3) {
            throw new InferenceException("model " + signature.modelId() + ": x is not [3]");
        }
    }

    @Override
    public void preprocess(float[] input, FloatBuffer target) {
        target.put(0, input);
    }

    @Override
    public float[] postprocess(float[] input, ItemOutputs outputs) {
        float[] result = new float[6];
        outputs.get("y").get(0, result, 0, 3);
        outputs.get("z").get(0, result, 3, 3);
        return result;
    }

    /** What the model computes for one input: {@code x + [1, 2, 3]} and {@code 2 * x}. */
    public static float[] expected(float[] x) {
        return new float[] {x[0] + 1, x[1] + 2, x[2] + 3, 2 * x[0], 2 * x[1], 2 * x[2]};
    }
}
