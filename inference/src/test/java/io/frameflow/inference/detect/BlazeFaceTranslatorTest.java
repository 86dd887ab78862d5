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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BlazeFace decoder on the catalog's spec, with hand-made output tensors. */
class BlazeFaceTranslatorTest {
    private static final ModelSpec SPEC = ModelCatalog.builtIn().get("blazeface");
    private static final DetectorOptions OPTIONS = DetectorOptions.from(SPEC.defaults());

    private static Map<String, FloatBuffer> zeroOutputs() {
        Map<String, FloatBuffer> outputs = new LinkedHashMap<>();
        outputs.put("Identity:0", filled(512, -10f));
        outputs.put("Identity_1:0", filled(384, -10f));
        outputs.put("Identity_2:0", FloatBuffer.allocate(512 * 16));
        outputs.put("Identity_3:0", FloatBuffer.allocate(384 * 16));
        return outputs;
    }

    private static FloatBuffer filled(int size, float value) {
        FloatBuffer buffer = FloatBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            buffer.put(i, value);
        }
        return buffer;
    }

    private static float sigmoid(double logit) {
        return (float) (1 / (1 + Math.exp(-logit)));
    }

    @Test
    void placesAnchorsAtCellCentresAndOffsetsBoxesInInputPixels() {
        Map<String, FloatBuffer> out = zeroOutputs();
        // Stride 8 (16x16 cells, 2 anchors each): row 3, column 5, second anchor = anchor
        // (3 * 16 + 5) * 2 + 1 = 107, centred at (5.5 * 8, 3.5 * 8) = (44, 28). Centre offset
        // (4, -4), size 32x40: box (32, 4)-(64, 44). Keypoints are ignored.
        out.get("Identity:0").put(107, 2f);
        out.get("Identity_2:0").put(107 * 16, new float[] {4, -4, 32, 40, 99, 99, -99, -99});
        // Stride 16 (8x8 cells, 6 anchors each): the last anchor of the last cell, centred at
        // (120, 120); box (112, 112)-(128, 128).
        out.get("Identity_1:0").put(383, 1f);
        out.get("Identity_3:0").put(383 * 16, new float[] {0, 0, 16, 16});
        // Below the 0.5 threshold (logit < 0): dropped.
        out.get("Identity_1:0").put(0, -0.01f);
        out.get("Identity_3:0").put(0, new float[] {0, 0, 16, 16});
        BgrImage picture = new BgrImage(256, 256, new byte[256 * 256 * 3]);

        var faces = new BlazeFaceTranslator(SPEC, OPTIONS).postprocess(picture, out::get);

        // 256x256 is letterboxed without padding at scale 0.5: boxes double.
        assertThat(faces)
                .containsExactly(
                        new DetectedObject(0, "face", sigmoid(2), 64, 8, 128, 88),
                        new DetectedObject(0, "face", sigmoid(1), 224, 224, 256, 256));
    }

    @Test
    void clipsHugeLogitsAsMediaPipeDoes() {
        Map<String, FloatBuffer> out = zeroOutputs();
        out.get("Identity:0").put(0, 1e30f);
        out.get("Identity_2:0").put(0, new float[] {0, 0, 8, 8});
        BgrImage picture = new BgrImage(128, 128, new byte[128 * 128 * 3]);

        var faces = new BlazeFaceTranslator(SPEC, OPTIONS).postprocess(picture, out::get);

        assertThat(faces).containsExactly(new DetectedObject(0, "face", 1f, 0, 0, 8, 8));
    }

    @Test
    void rejectsAModelWithAnotherAnchorCount() {
        Map<String, long[]> outputs = new LinkedHashMap<>();
        outputs.put("Identity:0", new long[] {512, 1});
        outputs.put("Identity_1:0", new long[] {384, 1});
        outputs.put("Identity_2:0", new long[] {512, 16});
        outputs.put("Identity_3:0", new long[] {384, 18});
        ModelSignature signature =
                new ModelSignature(
                        SPEC.modelId(), Map.of("input:0", new long[] {128, 128, 3}), outputs);

        assertThatThrownBy(() -> new BlazeFaceTranslator(SPEC, OPTIONS).check(signature))
                .isInstanceOf(InferenceException.class)
                .hasMessage(
                        "model blazeface@1.2.0: output 'Identity_3:0' has per-item shape [384, 18]"
                                + " but the spec implies [384, 16] (stride 16: cells x anchors per"
                                + " cell, 4 + 2 x keypoints)");
    }
}
