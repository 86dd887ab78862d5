package io.frameflow.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.spec.ModelSpec;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The NanoDet translator on the built-in spec, with hand-made output tensors. */
class NanoDetTranslatorTest {
    private static final ModelSpec SPEC = ModelCatalog.builtIn().get("nanodet-coco");
    private static final DetectorOptions OPTIONS = DetectorOptions.from(SPEC.defaults());
    private static final int DOG = 16;
    private static final int BINS = 11;

    /** All six outputs at zero: scores 0 (nothing detected), uniform box distributions. */
    private static Map<String, FloatBuffer> zeroOutputs() {
        Map<String, FloatBuffer> outputs = new LinkedHashMap<>();
        int[] cells = {52 * 52, 26 * 26, 13 * 13};
        for (int l = 0; l < 3; l++) {
            outputs.put(
                    List.of("Identity", "Identity_1", "Identity_2").get(l),
                    FloatBuffer.allocate(cells[l] * 80));
            outputs.put(
                    List.of("Identity_3", "Identity_4", "Identity_5").get(l),
                    FloatBuffer.allocate(cells[l] * 44));
        }
        return outputs;
    }

    /** Puts a box at a cell whose sides are whole bins (a one-hot distribution per side). */
    private static void putBox(
            FloatBuffer boxes, int cell, int left, int top, int right, int bottom) {
        int[] sides = {left, top, right, bottom};
        for (int side = 0; side < 4; side++) {
            for (int k = 0; k < BINS; k++) {
                boxes.put(cell * 44 + side * BINS + k, k == sides[side] ? 50f : 0f);
            }
        }
    }

    @Test
    void decodesThresholdsScalesAndSuppresses() {
        Map<String, FloatBuffer> out = zeroOutputs();
        // Stride 32, grid 13x13, cell 29 = row 2, column 3: centre (3.5 * 32, 2.5 * 32) = (112,
        // 80).
        // Sides 2, 1, 3, 4 bins = 64, 32, 96, 128 px: box (48, 48)-(208, 208) in the 416 input.
        out.get("Identity_2").put(29 * 80 + DOG, 0.8f);
        putBox(out.get("Identity_5"), 29, 2, 1, 3, 4);
        // Stride 16, grid 26x26, cell 5 * 26 + 7 = 137: centre (120, 88); sides 5, 3, 5, 7 bins =
        // 80, 48, 80, 112 px: box (40, 40)-(200, 200), IoU with the first 152² / (2 * 160² - 152²)
        // = 0.82: suppressed.
        out.get("Identity_1").put(137 * 80 + DOG, 0.6f);
        putBox(out.get("Identity_4"), 137, 5, 3, 5, 7);
        // Stride 8, a person below the 0.35 threshold: dropped.
        out.get("Identity").put(100 * 80, 0.3f);
        BgrImage picture = new BgrImage(832, 208, new byte[832 * 208 * 3]);

        List<DetectedObject> detections =
                new NanoDetTranslator(SPEC, OPTIONS).postprocess(picture, out::get);

        // Scaled by 832 / 416 = 2 horizontally and 208 / 416 = 0.5 vertically.
        assertThat(detections)
                .containsExactly(new DetectedObject(DOG, "dog", 0.8f, 96, 24, 416, 104));
    }

    @Test
    void lowerThresholdsKeepMore() {
        Map<String, FloatBuffer> out = zeroOutputs();
        out.get("Identity").put(100 * 80, 0.3f);
        putBox(out.get("Identity_3"), 100, 1, 1, 1, 1);
        BgrImage picture = new BgrImage(416, 416, new byte[416 * 416 * 3]);

        List<DetectedObject> detections =
                new NanoDetTranslator(SPEC, OPTIONS.withScoreThreshold(0.25))
                        .postprocess(picture, out::get);

        // Cell 100 of the 52x52 grid: row 1, column 48, centre (388, 12); 1 bin = 8 px.
        assertThat(detections)
                .containsExactly(new DetectedObject(0, "person", 0.3f, 380, 4, 396, 20));
    }

    @Test
    void rejectsAModelWhoseOutputsDoNotFitTheSpec() {
        Map<String, long[]> outputs = new LinkedHashMap<>();
        outputs.put("Identity", new long[] {2704, 81});
        ModelSignature signature =
                new ModelSignature(
                        SPEC.modelId(), Map.of("input_1", new long[] {3, 416, 416}), outputs);

        assertThatThrownBy(() -> new NanoDetTranslator(SPEC, OPTIONS).check(signature))
                .isInstanceOf(InferenceException.class)
                .hasMessage(
                        "model nanodet-coco@3.0.4: output 'Identity' has per-item shape [2704, 81]"
                                + " but the spec implies [2704, 80] (stride 8: cells x labels)");
    }

    @Test
    void rejectsAModelWithAnotherInputLayout() {
        ModelSignature signature =
                new ModelSignature(
                        SPEC.modelId(), Map.of("input_1", new long[] {416, 416, 3}), Map.of());

        assertThatThrownBy(() -> new NanoDetTranslator(SPEC, OPTIONS).check(signature))
                .isInstanceOf(InferenceException.class)
                .hasMessage(
                        "model nanodet-coco@3.0.4: input 'input_1' has per-item shape [416, 416, 3]"
                                + " but the spec implies [3, 416, 416] (input.layout NCHW, width and"
                                + " height)");
    }
}
