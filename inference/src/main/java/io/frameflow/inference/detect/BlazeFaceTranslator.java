package io.frameflow.inference.detect;

import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.spec.BlazeFaceDecoderSpec;
import io.frameflow.inference.spec.ModelSpec;
import java.nio.FloatBuffer;

/**
 * Post-processing for MediaPipe BlazeFace-style detectors ({@code blazeface} decoder): each level's
 * anchors sit at the centres of its grid cells, several per cell; a regressor row moves the box
 * centre from its anchor and gives its size, in input pixels. Scores are logits: the sigmoid is
 * only taken of those that pass the threshold (compared as logits). Keypoints are not reported.
 * Every box is of class 0 (the spec's only label, {@code face} in the catalog).
 */
public final class BlazeFaceTranslator extends DetectionTranslator {
    /** MediaPipe clips score logits to this magnitude before the sigmoid. */
    private static final float LOGIT_CLIP = 100f;

    private final BlazeFaceDecoderSpec decoderSpec;
    private final int[] strides;
    private final int[] anchorsPerCell;
    private final int[] gridWidth;
    private final int[] gridHeight;
    private final int valuesPerAnchor;

    public BlazeFaceTranslator(ModelSpec spec, DetectorOptions options) {
        super(spec, options);
        if (!(spec.decoder() instanceof BlazeFaceDecoderSpec blazeFace)) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + " has no blazeface decoder: " + spec.decoder());
        }
        this.decoderSpec = blazeFace;
        int levels = blazeFace.strides().size();
        this.strides = blazeFace.strides().stream().mapToInt(Integer::intValue).toArray();
        this.anchorsPerCell = blazeFace.anchors().stream().mapToInt(Integer::intValue).toArray();
        this.gridWidth = new int[levels];
        this.gridHeight = new int[levels];
        for (int l = 0; l < levels; l++) {
            gridWidth[l] = spec.input().width() / strides[l];
            gridHeight[l] = spec.input().height() / strides[l];
        }
        this.valuesPerAnchor = blazeFace.valuesPerAnchor();
    }

    /** Anchors at one level: cells times anchors per cell. */
    int anchors(int level) {
        return gridWidth[level] * gridHeight[level] * anchorsPerCell[level];
    }

    @Override
    void checkOutputs(ModelSignature signature) {
        for (int level = 0; level < strides.length; level++) {
            String why = " (stride " + strides[level] + ": cells x anchors per cell";
            String scores = decoderSpec.scores().get(level);
            expectShape(
                    "output",
                    scores,
                    signature.output(scores),
                    new long[] {anchors(level), 1},
                    why + ", 1 score)");
            String boxes = decoderSpec.boxes().get(level);
            expectShape(
                    "output",
                    boxes,
                    signature.output(boxes),
                    new long[] {anchors(level), valuesPerAnchor},
                    why + ", 4 + 2 x keypoints)");
        }
    }

    @Override
    void decode(ItemOutputs outputs, float threshold, Candidates out) {
        // sigmoid(logit) >= threshold  <=>  logit >= log(threshold / (1 - threshold))
        float minLogit =
                threshold >= 1 ? LOGIT_CLIP : (float) Math.log(threshold / (1 - threshold));
        for (int level = 0; level < strides.length; level++) {
            FloatBuffer scores = outputs.get(decoderSpec.scores().get(level));
            FloatBuffer boxes = outputs.get(decoderSpec.boxes().get(level));
            int anchors = anchors(level);
            for (int a = 0; a < anchors; a++) {
                float logit = Math.min(Math.max(scores.get(a), -LOGIT_CLIP), LOGIT_CLIP);
                if (!(logit >= minLogit)) {
                    continue;
                }
                int cell = a / anchorsPerCell[level];
                float anchorX = (cell % gridWidth[level] + 0.5f) * strides[level];
                float anchorY = (cell / gridWidth[level] + 0.5f) * strides[level];
                int row = a * valuesPerAnchor;
                float cx = anchorX + boxes.get(row);
                float cy = anchorY + boxes.get(row + 1);
                float halfW = boxes.get(row + 2) / 2;
                float halfH = boxes.get(row + 3) / 2;
                float score = (float) (1 / (1 + Math.exp(-logit)));
                out.add(cx - halfW, cy - halfH, cx + halfW, cy + halfH, score, 0);
            }
        }
    }
}
