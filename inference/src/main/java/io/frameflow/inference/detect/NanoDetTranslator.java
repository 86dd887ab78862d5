package io.frameflow.inference.detect;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.Translator;
import io.frameflow.inference.spec.InputSpec;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.NanoDetGflDecoderSpec;
import io.frameflow.inference.spec.TensorLayout;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Pre- and post-processing for NanoDet-style detectors ({@code nanodet-gfl} decoder): the picture
 * is stretched to the input size and normalised per the spec; the outputs are decoded per stride,
 * thresholded, mapped back to the picture's pixels, clipped to it and reduced by per-class NMS.
 */
public final class NanoDetTranslator implements Translator<BgrImage, List<DetectedObject>> {
    private final ModelSpec spec;
    private final NanoDetGflDecoderSpec decoderSpec;
    private final DetectorOptions options;
    private final ImageTensorWriter writer;
    private final GflDecoder decoder;
    private final Candidates candidates = new Candidates();
    private final NonMaxSuppression nms = new NonMaxSuppression();

    public NanoDetTranslator(ModelSpec spec, DetectorOptions options) {
        if (!(spec.decoder() instanceof NanoDetGflDecoderSpec gfl)) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + " has no nanodet-gfl decoder: " + spec.decoder());
        }
        this.spec = spec;
        this.decoderSpec = gfl;
        this.options = options;
        InputSpec input = spec.input();
        this.writer = new ImageTensorWriter(input);
        this.decoder =
                new GflDecoder(
                        gfl.strides(),
                        gfl.bins(),
                        input.width(),
                        input.height(),
                        spec.labels().size());
    }

    @Override
    public String inputName() {
        return spec.input().name();
    }

    @Override
    public List<String> outputNames() {
        return decoderSpec.outputNames();
    }

    @Override
    public void check(ModelSignature signature) {
        InputSpec input = spec.input();
        long[] expectedInput =
                input.layout() == TensorLayout.NCHW
                        ? new long[] {3, input.height(), input.width()}
                        : new long[] {input.height(), input.width(), 3};
        expectShape("input", input.name(), signature.input(input.name()), expectedInput, "");
        for (int level = 0; level < decoder.levels(); level++) {
            String why = " (stride " + decoderSpec.strides().get(level) + ": cells x ";
            expectShape(
                    "output",
                    decoderSpec.scores().get(level),
                    signature.output(decoderSpec.scores().get(level)),
                    new long[] {decoder.cells(level), spec.labels().size()},
                    why + "labels)");
            expectShape(
                    "output",
                    decoderSpec.boxes().get(level),
                    signature.output(decoderSpec.boxes().get(level)),
                    new long[] {decoder.cells(level), decoder.boxValuesPerCell()},
                    why + "4 sides x bins)");
        }
    }

    private void expectShape(String kind, String name, long[] actual, long[] expected, String why) {
        if (!Arrays.equals(actual, expected)) {
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
                            + why);
        }
    }

    @Override
    public void preprocess(BgrImage input, FloatBuffer target) {
        writer.write(input, target);
    }

    @Override
    public List<DetectedObject> postprocess(BgrImage input, ItemOutputs outputs) {
        candidates.clear();
        float scaleX = (float) input.width() / spec.input().width();
        float scaleY = (float) input.height() / spec.input().height();
        for (int level = 0; level < decoder.levels(); level++) {
            decoder.decode(
                    level,
                    outputs.get(decoderSpec.scores().get(level)),
                    outputs.get(decoderSpec.boxes().get(level)),
                    (float) options.scoreThreshold(),
                    scaleX,
                    scaleY,
                    input.width(),
                    input.height(),
                    candidates);
        }
        return nms.select(
                candidates, (float) options.iouThreshold(), options.maxDetections(), spec.labels());
    }
}
