package io.frameflow.inference.detect;

import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.spec.BoxUnits;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.SsdDecoderSpec;
import java.nio.FloatBuffer;

/**
 * Post-processing for SSD-style exports ({@code ssd} decoder): decoded boxes [boxes, 4] in the
 * spec's format and units, and class probabilities [boxes, columns], where a background column, if
 * the spec names one, is skipped and the other columns are the labels in order.
 */
public final class SsdTranslator extends DetectionTranslator {
    private final SsdDecoderSpec decoderSpec;
    private final int columns;
    private final int background;
    private int boxes = -1;

    public SsdTranslator(ModelSpec spec, DetectorOptions options) {
        super(spec, options);
        if (!(spec.decoder() instanceof SsdDecoderSpec ssd)) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + " has no ssd decoder: " + spec.decoder());
        }
        this.decoderSpec = ssd;
        this.columns = ssd.scoreColumns(spec.labels().size());
        this.background = ssd.backgroundClass() == null ? -1 : ssd.backgroundClass();
    }

    @Override
    void checkOutputs(ModelSignature signature) {
        long[] boxShape = signature.output(decoderSpec.boxes());
        expectShape("output", decoderSpec.boxes(), boxShape, new long[] {-1, 4}, " (boxes x 4)");
        boxes = Math.toIntExact(boxShape[0]);
        expectShape(
                "output",
                decoderSpec.scores(),
                signature.output(decoderSpec.scores()),
                new long[] {boxes, columns},
                background < 0
                        ? " (boxes x one score per label)"
                        : " (boxes x one score per label + the background's)");
    }

    @Override
    void decode(ItemOutputs outputs, float threshold, Candidates out) {
        FloatBuffer box = outputs.get(decoderSpec.boxes());
        FloatBuffer scores = outputs.get(decoderSpec.scores());
        if (boxes < 0) {
            // Not checked against a model (outputs fed by hand): the box tensor's size tells.
            boxes = box.limit() / 4;
        }
        float unitX = 1;
        float unitY = 1;
        if (decoderSpec.boxUnits() == BoxUnits.NORMALIZED) {
            unitX = spec.input().width();
            unitY = spec.input().height();
        }
        for (int b = 0; b < boxes; b++) {
            int best = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < columns; c++) {
                float s = scores.get(b * columns + c);
                if (c != background && s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            if (best < 0 || !(bestScore >= threshold)) {
                continue;
            }
            int label = background >= 0 && best > background ? best - 1 : best;
            addBox(box, 4 * b, unitX, unitY, bestScore, label, out);
        }
    }

    private void addBox(
            FloatBuffer box,
            int at,
            float unitX,
            float unitY,
            float score,
            int label,
            Candidates out) {
        float a = box.get(at);
        float b = box.get(at + 1);
        float c = box.get(at + 2);
        float d = box.get(at + 3);
        switch (decoderSpec.boxFormat()) {
            case XYXY -> out.add(a * unitX, b * unitY, c * unitX, d * unitY, score, label);
            case YXYX -> out.add(b * unitX, a * unitY, d * unitX, c * unitY, score, label);
            case CXCYWH ->
                    out.add(
                            (a - c / 2) * unitX,
                            (b - d / 2) * unitY,
                            (a + c / 2) * unitX,
                            (b + d / 2) * unitY,
                            score,
                            label);
        }
    }
}
