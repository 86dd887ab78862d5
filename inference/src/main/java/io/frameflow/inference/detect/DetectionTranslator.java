package io.frameflow.inference.detect;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.Translator;
import io.frameflow.inference.spec.InputSpec;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.TensorLayout;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * What every detector translator shares: the picture is written into the input per the spec's
 * {@link InputSpec}; the decoder of a subclass adds candidate boxes in input pixels; those are
 * mapped back to the picture's pixels (undoing the stretch or letterbox), clipped to it, and
 * reduced by per-class NMS to the best {@code max-detections}.
 */
abstract class DetectionTranslator implements Translator<BgrImage, List<DetectedObject>> {
    protected final ModelSpec spec;
    protected final DetectorOptions options;
    private final ImageTensorWriter writer;
    private final Candidates candidates = new Candidates();
    private final NonMaxSuppression nms = new NonMaxSuppression();
    private PictureFit fit;
    private int fitWidth;
    private int fitHeight;

    DetectionTranslator(ModelSpec spec, DetectorOptions options) {
        this.spec = spec;
        this.options = options;
        this.writer = new ImageTensorWriter(spec.input());
    }

    @Override
    public final String inputName() {
        return spec.input().name();
    }

    @Override
    public final List<String> outputNames() {
        return spec.decoder().outputNames();
    }

    @Override
    public final void check(ModelSignature signature) {
        InputSpec input = spec.input();
        long[] expected =
                input.layout() == TensorLayout.NCHW
                        ? new long[] {3, input.height(), input.width()}
                        : new long[] {input.height(), input.width(), 3};
        expectShape(
                "input",
                input.name(),
                signature.input(input.name()),
                expected,
                " (input.layout " + input.layout() + ", width and height)");
        checkOutputs(signature);
    }

    /** Checks the shapes of the outputs the decoder reads. */
    abstract void checkOutputs(ModelSignature signature);

    /**
     * Adds the boxes of one picture whose score is at least {@code threshold}, in input pixels (x1,
     * y1, x2, y2), with their class index into the labels.
     */
    abstract void decode(ItemOutputs outputs, float threshold, Candidates out);

    @Override
    public final void preprocess(BgrImage input, FloatBuffer target) {
        writer.write(input, target);
    }

    @Override
    public final List<DetectedObject> postprocess(BgrImage input, ItemOutputs outputs) {
        candidates.clear();
        decode(outputs, (float) options.scoreThreshold(), candidates);
        toPicture(fit(input), input);
        return nms.select(
                candidates, (float) options.iouThreshold(), options.maxDetections(), spec.labels());
    }

    /** The fit of this picture's size; a stream's frames all have one size, so it is kept. */
    private PictureFit fit(BgrImage picture) {
        int w = picture.width();
        int h = picture.height();
        if (fit == null || w != fitWidth || h != fitHeight) {
            fit = PictureFit.of(spec.input(), w, h);
            fitWidth = w;
            fitHeight = h;
        }
        return fit;
    }

    /** Maps the candidates to picture pixels in place, clipped; drops those left empty. */
    private void toPicture(PictureFit fit, BgrImage picture) {
        Candidates c = candidates;
        int kept = 0;
        for (int i = 0; i < c.size; i++) {
            float x1 = clip(fit.pictureX(c.x1[i]), picture.width());
            float y1 = clip(fit.pictureY(c.y1[i]), picture.height());
            float x2 = clip(fit.pictureX(c.x2[i]), picture.width());
            float y2 = clip(fit.pictureY(c.y2[i]), picture.height());
            if (x2 > x1 && y2 > y1) {
                c.x1[kept] = x1;
                c.y1[kept] = y1;
                c.x2[kept] = x2;
                c.y2[kept] = y2;
                c.score[kept] = c.score[i];
                c.classId[kept] = c.classId[i];
                kept++;
            }
        }
        c.size = kept;
    }

    private static float clip(float value, float max) {
        return Math.min(Math.max(value, 0f), max);
    }

    /**
     * Fails unless a tensor has the expected per-item shape; -1 in {@code expected} accepts any
     * positive size.
     */
    final void expectShape(String kind, String name, long[] actual, long[] expected, String why) {
        boolean fits = actual.length == expected.length;
        for (int i = 0; fits && i < actual.length; i++) {
            fits = expected[i] < 0 ? actual[i] > 0 : actual[i] == expected[i];
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
                            + Arrays.toString(expected).replace("-1", "any")
                            + why);
        }
    }
}
