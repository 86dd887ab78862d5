package io.frameflow.inference.detect;

import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.spec.InputSpec;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.NanoDetGflDecoderSpec;

/**
 * Post-processing for NanoDet-style detectors ({@code nanodet-gfl} decoder): the outputs are
 * decoded per stride by {@link GflDecoder} and thresholded; the base class maps them back to the
 * picture and runs NMS.
 */
public final class NanoDetTranslator extends DetectionTranslator {
    private final NanoDetGflDecoderSpec decoderSpec;
    private final GflDecoder decoder;

    public NanoDetTranslator(ModelSpec spec, DetectorOptions options) {
        super(spec, options);
        if (!(spec.decoder() instanceof NanoDetGflDecoderSpec gfl)) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + " has no nanodet-gfl decoder: " + spec.decoder());
        }
        this.decoderSpec = gfl;
        InputSpec input = spec.input();
        this.decoder =
                new GflDecoder(
                        gfl.strides(),
                        gfl.bins(),
                        input.width(),
                        input.height(),
                        spec.labels().size());
    }

    @Override
    void checkOutputs(ModelSignature signature) {
        for (int level = 0; level < decoder.levels(); level++) {
            String why = " (stride " + decoderSpec.strides().get(level) + ": cells x ";
            String scores = decoderSpec.scores().get(level);
            expectShape(
                    "output",
                    scores,
                    signature.output(scores),
                    new long[] {decoder.cells(level), spec.labels().size()},
                    why + "labels)");
            String boxes = decoderSpec.boxes().get(level);
            expectShape(
                    "output",
                    boxes,
                    signature.output(boxes),
                    new long[] {decoder.cells(level), decoder.boxValuesPerCell()},
                    why + "4 sides x bins)");
        }
    }

    @Override
    void decode(ItemOutputs outputs, float threshold, Candidates out) {
        InputSpec input = spec.input();
        for (int level = 0; level < decoder.levels(); level++) {
            decoder.decode(
                    level,
                    outputs.get(decoderSpec.scores().get(level)),
                    outputs.get(decoderSpec.boxes().get(level)),
                    threshold,
                    1,
                    1,
                    input.width(),
                    input.height(),
                    out);
        }
    }
}
