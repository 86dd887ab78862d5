package io.frameflow.inference.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.spec.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbTextBoxTranslatorTest {
    private static final String DEFAULTS =
            "defaults: {score-threshold: 0.6, iou-threshold: 0.5, max-detections: 10}";

    private static void fill(float[] map, int x0, int y0, int x1, int y1, float p) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                map[y * 32 + x] = p;
            }
        }
    }

    @Test
    void eachRegionBecomesAnUnclippedBoxScoredByItsMeanProbability() {
        ModelSpec spec = MapSpecs.spec(32, "NCHW", "text", DEFAULTS);
        ModelSignature signature =
                MapSpecs.signature(new long[] {3, -1, -1}, new long[] {1, -1, -1});
        DbTextBoxTranslator translator =
                new DbTextBoxTranslator(spec, TextBoxOptions.from(spec).withThreshold(0.3));
        translator.check(signature);
        float[] map = new float[32 * 32];
        fill(map, 4, 10, 13, 13, 0.8f); // a 10x4 line of text
        fill(map, 20, 20, 29, 23, 0.4f); // above the threshold, but its mean is below 0.6
        fill(map, 1, 28, 2, 29, 0.9f); // 2x2: below the minimum size of 3
        BgrImage picture = new BgrImage(64, 32, new byte[64 * 32 * 3]);

        List<DetectedObject> boxes = translator.postprocess(picture, MapSpecs.outputs(map));

        assertThat(boxes).hasSize(1);
        DetectedObject box = boxes.get(0);
        // unclip distance: area 40 * 1.5 / perimeter 28, in cells; the picture is 2x wider
        float d = 40 * 1.5f / 28;
        assertThat(box.label()).isEqualTo("text");
        assertThat(box.score()).isCloseTo(0.8f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(box.x1()).isCloseTo((4 - d) * 2, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(box.x2()).isCloseTo((14 + d) * 2, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(box.y1()).isCloseTo(10 - d, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(box.y2()).isCloseTo(14 + d, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void boxesAreClippedToThePicture() {
        ModelSpec spec = MapSpecs.spec(32, "NCHW", "text", DEFAULTS);
        DbTextBoxTranslator translator = new DbTextBoxTranslator(spec, TextBoxOptions.from(spec));
        translator.check(MapSpecs.signature(new long[] {3, 32, 32}, new long[] {1, 32, 32}));
        float[] map = new float[32 * 32];
        fill(map, 0, 0, 31, 5, 0.95f);

        List<DetectedObject> boxes =
                translator.postprocess(
                        new BgrImage(32, 32, new byte[32 * 32 * 3]), MapSpecs.outputs(map));

        assertThat(boxes)
                .singleElement()
                .satisfies(
                        b -> {
                            assertThat(b.x1()).isZero();
                            assertThat(b.y1()).isZero();
                            assertThat(b.x2()).isEqualTo(32f);
                        });
    }

    @Test
    void textBoxesNeedAOneClassMap() {
        ModelSpec spec = MapSpecs.spec(32, "NCHW", "a, b", DEFAULTS);

        assertThatThrownBy(() -> new DbTextBoxTranslator(spec, TextBoxOptions.from(spec)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "model map-test@1 has 2 labels [a, b]; text boxes need a one-class"
                                + " probability map");
    }
}
