package io.frameflow.inference.segment;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.detect.ImageTensorWriter;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.Translator;
import io.frameflow.inference.spec.InputSpec;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ProbabilityMapDecoderSpec;
import io.frameflow.inference.spec.TensorLayout;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The tensor side of a {@code probability-map} model, shared by the segmentation and text-box
 * translators: writes the picture into the input, fixes dynamic input dimensions to the spec's size
 * (dynamic output height and width are taken to equal the input's, as in fully convolutional models
 * like DBNet), checks the model's shapes against the spec, and thresholds one class's map of an
 * item's output into a mask. Subclasses turn the mask into their results.
 *
 * @param <O> the result for one picture
 */
abstract class ProbabilityMapModel<O> implements Translator<BgrImage, O> {
    private final ModelSpec spec;
    private final ProbabilityMapDecoderSpec decoder;
    private final ImageTensorWriter writer;
    private long[] inputShape;
    private long[] outputShape;
    private float[] probabilities = new float[0];
    private byte[] mask = new byte[0];

    ProbabilityMapModel(ModelSpec spec) {
        if (!(spec.decoder() instanceof ProbabilityMapDecoderSpec map)) {
            throw new IllegalArgumentException(
                    "model "
                            + spec.modelId()
                            + " has no probability-map decoder: "
                            + spec.decoder());
        }
        this.spec = spec;
        this.decoder = map;
        this.writer = new ImageTensorWriter(spec.input());
    }

    @Override
    public final String inputName() {
        return spec.input().name();
    }

    @Override
    public final List<String> outputNames() {
        return decoder.outputNames();
    }

    @Override
    public final void check(ModelSignature signature) {
        resolve(signature);
    }

    ModelSpec spec() {
        return spec;
    }

    ProbabilityMapDecoderSpec decoder() {
        return decoder;
    }

    int classes() {
        return spec.labels().size();
    }

    /** Checks the model's shapes and fixes its dynamic dimensions; idempotent. */
    void resolve(ModelSignature signature) {
        if (outputShape != null) {
            return;
        }
        InputSpec input = spec.input();
        long[] expectedIn =
                input.layout() == TensorLayout.NCHW
                        ? new long[] {3, input.height(), input.width()}
                        : new long[] {input.height(), input.width(), 3};
        long[] in = fix("input", input.name(), signature.input(input.name()), expectedIn);
        long height = in[input.layout() == TensorLayout.NCHW ? 1 : 0];
        long width = in[input.layout() == TensorLayout.NCHW ? 2 : 1];
        long[] modelOut = signature.output(decoder.output());
        long[] expectedOut =
                decoder.layout() == TensorLayout.NCHW
                        ? new long[] {classes(), height, width}
                        : new long[] {height, width, classes()};
        if (modelOut.length == 3) {
            // A fixed output size may differ from the input's (e.g. a stride-4 map); keep it.
            int h = decoder.layout() == TensorLayout.NCHW ? 1 : 0;
            for (int d : new int[] {h, h + 1}) {
                if (modelOut[d] > 0) {
                    expectedOut[d] = modelOut[d];
                }
            }
        }
        long[] out = fix("output", decoder.output(), modelOut, expectedOut);
        this.inputShape = in;
        this.outputShape = out;
    }

    private long[] fix(String kind, String name, long[] actual, long[] expected) {
        boolean fits = actual.length == expected.length;
        for (int d = 0; fits && d < actual.length; d++) {
            fits = actual[d] < 0 || actual[d] == expected[d];
        }
        if (!fits) {
            throw new InferenceException(
                    "model "
                            + spec.modelId()
                            + ": "
                            + kind
                            + " '"
                            + name
                            + "' has per-item shape "
                            + Arrays.toString(actual)
                            + " but the spec implies "
                            + Arrays.toString(expected)
                            + " ("
                            + (kind.equals("input")
                                    ? "input " + spec.input().layout() + " of the spec's size"
                                    : "decoder layout "
                                            + decoder.layout()
                                            + ", one channel per label "
                                            + spec.labels())
                            + ")");
        }
        return expected;
    }

    @Override
    public final long[] itemInputShape(ModelSignature signature) {
        resolve(signature);
        return inputShape.clone();
    }

    @Override
    public final long[] itemOutputShape(
            String output, long[] itemInputShape, ModelSignature signature) {
        resolve(signature);
        if (!output.equals(decoder.output())) {
            return signature.output(output);
        }
        return outputShape.clone();
    }

    @Override
    public final void preprocess(BgrImage image, FloatBuffer target) {
        writer.write(image, target);
    }

    /** Width of the output map, in cells. */
    int mapWidth() {
        requireResolved();
        return (int) outputShape[decoder.layout() == TensorLayout.NCHW ? 2 : 1];
    }

    /** Height of the output map, in cells. */
    int mapHeight() {
        requireResolved();
        return (int) outputShape[decoder.layout() == TensorLayout.NCHW ? 1 : 0];
    }

    /**
     * Reads class {@code c}'s map from an item's output into {@link #probabilities()} and sets
     * {@link #mask()} where a cell's probability is at least {@code threshold}.
     *
     * @return the number of cells set
     */
    final int threshold(ItemOutputs outputs, int c, float threshold) {
        int cells = mapWidth() * mapHeight();
        if (probabilities.length != cells) {
            probabilities = new float[cells];
            mask = new byte[cells];
        }
        readClass(outputs.get(decoder.output()), c, probabilities);
        int area = 0;
        for (int i = 0; i < cells; i++) {
            boolean set = probabilities[i] >= threshold;
            mask[i] = (byte) (set ? 1 : 0);
            area += set ? 1 : 0;
        }
        return area;
    }

    /** The probabilities of the class last thresholded, row-major; reused by the next call. */
    final float[] probabilities() {
        return probabilities;
    }

    /**
     * The mask of the class last thresholded (1 set, 0 not), row-major; reused by the next call.
     */
    final byte[] mask() {
        return mask;
    }

    /** Copies class {@code c}'s probabilities, row-major, into {@code target}. */
    private void readClass(FloatBuffer output, int c, float[] target) {
        int cells = mapWidth() * mapHeight();
        int classes = classes();
        if (output.limit() < cells * classes) {
            throw new InferenceException(
                    "model "
                            + spec.modelId()
                            + ": output '"
                            + decoder.output()
                            + "' has "
                            + output.limit()
                            + " values per item; expected "
                            + cells * classes);
        }
        if (decoder.layout() == TensorLayout.NCHW) {
            output.get(c * cells, target, 0, cells);
        } else {
            for (int i = 0; i < cells; i++) {
                target[i] = output.get(i * classes + c);
            }
        }
    }

    private void requireResolved() {
        if (outputShape == null) {
            throw new IllegalStateException(
                    "the translator of " + spec.modelId() + " was not checked against its model");
        }
    }
}
