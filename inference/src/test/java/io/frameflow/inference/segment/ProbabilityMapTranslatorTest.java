package io.frameflow.inference.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.inference.api.SegmentedClass;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.spec.ModelSpec;
import org.junit.jupiter.api.Test;

class ProbabilityMapTranslatorTest {
    private static final BgrImage PICTURE = new BgrImage(16, 16, new byte[16 * 16 * 3]);

    private static ProbabilityMapTranslator translator(ModelSpec spec, ModelSignature signature) {
        ProbabilityMapTranslator translator =
                new ProbabilityMapTranslator(
                        spec, SegmenterOptions.from(spec).withMinArea(8).withPolygonTolerance(0));
        translator.check(signature);
        return translator;
    }

    /** Class a: a 3x2 block at cells (1..3, 1..2) and a lone cell at (7, 7); class b: nothing. */
    private static float[] classA() {
        float[] a = new float[64];
        for (int y = 1; y <= 2; y++) {
            for (int x = 1; x <= 3; x++) {
                a[y * 8 + x] = 0.9f;
            }
        }
        a[63] = 0.6f;
        a[0] = 0.49f; // below the threshold
        return a;
    }

    private static void assertClasses(Segmentation result) {
        SegmentedClass a = result.classes().get(0);
        assertThat(a.label()).isEqualTo("a");
        assertThat(a.areaFraction()).isEqualTo(7 / 64.0);
        assertThat(a.mask().counts()).containsExactly(9, 3, 5, 3, 43, 1);
        // the lone cell covers 4 picture pixels, below the minimum area of 8
        assertThat(a.polygons()).hasSize(1);
        assertThat(a.polygons().get(0).points()).containsExactly(2, 2, 8, 2, 8, 6, 2, 6);
        SegmentedClass b = result.classes().get(1);
        assertThat(b.classId()).isEqualTo(1);
        assertThat(b.areaFraction()).isZero();
        assertThat(b.mask().counts()).containsExactly(64);
        assertThat(b.polygons()).isEmpty();
    }

    @Test
    void planarMapsBecomeAreasMasksAndPolygonsInPicturePixels() {
        ModelSpec spec = MapSpecs.spec(8, "NCHW", "a, b", "");
        ModelSignature signature =
                MapSpecs.signature(new long[] {3, -1, -1}, new long[] {2, -1, -1});
        ProbabilityMapTranslator translator = translator(spec, signature);
        float[] map = new float[128];
        System.arraycopy(classA(), 0, map, 0, 64);
        java.util.Arrays.fill(map, 64, 128, 0.1f);

        assertThat(translator.itemInputShape(signature)).containsExactly(3, 8, 8);
        assertThat(translator.itemOutputShape("map", new long[] {3, 8, 8}, signature))
                .containsExactly(2, 8, 8);
        assertClasses(translator.postprocess(PICTURE, MapSpecs.outputs(map)));
    }

    @Test
    void withoutPolygonsTheAreaAndTheMaskStay() {
        ModelSpec spec = MapSpecs.spec(8, "NCHW", "a, b", "");
        ModelSignature signature = MapSpecs.signature(new long[] {3, 8, 8}, new long[] {2, 8, 8});
        ProbabilityMapTranslator translator =
                new ProbabilityMapTranslator(
                        spec, SegmenterOptions.from(spec).withMinArea(0).withPolygons(false));
        translator.check(signature);
        float[] map = new float[128];
        System.arraycopy(classA(), 0, map, 0, 64);

        SegmentedClass a = translator.postprocess(PICTURE, MapSpecs.outputs(map)).classes().get(0);

        assertThat(a.areaFraction()).isEqualTo(7 / 64.0);
        assertThat(a.mask().counts()).containsExactly(9, 3, 5, 3, 43, 1);
        assertThat(a.polygons()).isEmpty();
    }

    @Test
    void interleavedMapsGiveTheSameResult() {
        ModelSpec spec = MapSpecs.spec(8, "NHWC", "a, b", "");
        ModelSignature signature = MapSpecs.signature(new long[] {3, 8, 8}, new long[] {8, 8, 2});
        float[] a = classA();
        float[] map = new float[128];
        for (int i = 0; i < 64; i++) {
            map[2 * i] = a[i];
            map[2 * i + 1] = 0.1f;
        }

        assertClasses(translator(spec, signature).postprocess(PICTURE, MapSpecs.outputs(map)));
    }

    @Test
    void moreOutputChannelsThanLabelsFailsNamingTheTensor() {
        ModelSpec spec = MapSpecs.spec(8, "NCHW", "a, b", "");
        ModelSignature signature =
                MapSpecs.signature(new long[] {3, -1, -1}, new long[] {3, -1, -1});

        assertThatThrownBy(() -> translator(spec, signature))
                .isInstanceOf(InferenceException.class)
                .hasMessage(
                        "model map-test@1: output 'map' has per-item shape [3, -1, -1] but the"
                                + " spec implies [2, 8, 8] (decoder layout NCHW, one channel per"
                                + " label [a, b])");
    }

    @Test
    void aFixedInputOfAnotherSizeFailsNamingTheTensor() {
        ModelSpec spec = MapSpecs.spec(8, "NCHW", "a", "");
        ModelSignature signature =
                MapSpecs.signature(new long[] {3, 16, 16}, new long[] {1, 16, 16});

        assertThatThrownBy(() -> translator(spec, signature))
                .isInstanceOf(InferenceException.class)
                .hasMessageStartingWith(
                        "model map-test@1: input 'x' has per-item shape [3, 16, 16] but the spec"
                                + " implies [3, 8, 8]");
    }
}
