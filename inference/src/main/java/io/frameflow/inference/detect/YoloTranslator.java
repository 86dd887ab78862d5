package io.frameflow.inference.detect;

import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.YoloDecoderSpec;
import io.frameflow.inference.spec.YoloVersion;
import java.nio.FloatBuffer;

/**
 * Post-processing for YOLO-style exports ({@code yolo} decoder) whose single output holds decoded
 * boxes (centre, size in input pixels) and class probabilities: v5 as rows [cx, cy, w, h,
 * objectness, classes...] with score = objectness x best class; v8/v11 channels first [cx, cy, w,
 * h, classes...] x boxes with score = best class.
 */
public final class YoloTranslator extends DetectionTranslator {
    private final YoloDecoderSpec decoderSpec;
    private final int classes;
    private int boxes = -1;

    public YoloTranslator(ModelSpec spec, DetectorOptions options) {
        super(spec, options);
        if (!(spec.decoder() instanceof YoloDecoderSpec yolo)) {
            throw new IllegalArgumentException(
                    "model " + spec.modelId() + " has no yolo decoder: " + spec.decoder());
        }
        this.decoderSpec = yolo;
        this.classes = spec.labels().size();
    }

    @Override
    void checkOutputs(ModelSignature signature) {
        String name = decoderSpec.output();
        long[] shape = signature.output(name);
        if (decoderSpec.version() == YoloVersion.V5) {
            expectShape(
                    "output",
                    name,
                    shape,
                    new long[] {-1, 5 + classes},
                    " (yolo v5: boxes x (4 box values + objectness + one score per label))");
            boxes = Math.toIntExact(shape[0]);
        } else {
            expectShape(
                    "output",
                    name,
                    shape,
                    new long[] {4 + classes, -1},
                    " (yolo v8: (4 box values + one score per label) x boxes)");
            boxes = Math.toIntExact(shape[1]);
        }
    }

    @Override
    void decode(ItemOutputs outputs, float threshold, Candidates out) {
        FloatBuffer values = outputs.get(decoderSpec.output());
        if (boxes < 0) {
            // Not checked against a model (a test feeding outputs by hand): infer the box count.
            int perBox = decoderSpec.version() == YoloVersion.V5 ? 5 + classes : 4 + classes;
            boxes = values.limit() / perBox;
        }
        if (decoderSpec.version() == YoloVersion.V5) {
            decodeRows(values, threshold, out);
        } else {
            decodeChannelsFirst(values, threshold, out);
        }
    }

    private void decodeRows(FloatBuffer v, float threshold, Candidates out) {
        int stride = 5 + classes;
        for (int b = 0; b < boxes; b++) {
            int row = b * stride;
            float objectness = v.get(row + 4);
            if (!(objectness >= threshold)) {
                continue; // class scores are at most 1, so the product cannot reach it either
            }
            int best = 0;
            float bestScore = v.get(row + 5);
            for (int c = 1; c < classes; c++) {
                float s = v.get(row + 5 + c);
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            float score = objectness * bestScore;
            if (score >= threshold) {
                addCentred(
                        v.get(row),
                        v.get(row + 1),
                        v.get(row + 2),
                        v.get(row + 3),
                        score,
                        best,
                        out);
            }
        }
    }

    private void decodeChannelsFirst(FloatBuffer v, float threshold, Candidates out) {
        for (int b = 0; b < boxes; b++) {
            int best = 0;
            float bestScore = v.get(4 * boxes + b);
            for (int c = 1; c < classes; c++) {
                float s = v.get((4 + c) * boxes + b);
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            if (bestScore >= threshold) {
                addCentred(
                        v.get(b),
                        v.get(boxes + b),
                        v.get(2 * boxes + b),
                        v.get(3 * boxes + b),
                        bestScore,
                        best,
                        out);
            }
        }
    }

    private static void addCentred(
            float cx, float cy, float w, float h, float score, int classId, Candidates out) {
        out.add(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, score, classId);
    }
}
