package io.frameflow.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class GflDecoderTest {
    private static final float LN3 = (float) Math.log(3);

    /** Logits whose softmax puts all mass on one bin (e^-50 is negligible). */
    private static float[] peak(int bins, int at) {
        float[] logits = new float[bins];
        logits[at] = 50;
        return logits;
    }

    private static FloatBuffer buffer(float[]... rows) {
        int n = 0;
        for (float[] row : rows) {
            n += row.length;
        }
        FloatBuffer b = FloatBuffer.allocate(n);
        for (float[] row : rows) {
            b.put(row);
        }
        return b.flip();
    }

    @Test
    void expectedBinIsTheSoftmaxWeightedMean() {
        GflDecoder decoder = new GflDecoder(List.of(8), 3, 8, 8, 1);
        // Equal logits: weights 1/3 each, mean of 0, 1, 2 is 1.
        assertThat(decoder.expectedBin(buffer(new float[] {0, 0, 0}), 0))
                .isCloseTo(1f, within(1e-6f));
        // Logits ln3, 0, 0: weights 3/5, 1/5, 1/5, mean (0 * 3 + 1 + 2) / 5 = 0.6.
        assertThat(decoder.expectedBin(buffer(new float[] {LN3, 0, 0}), 0))
                .isCloseTo(0.6f, within(1e-6f));
        // Large logits must not overflow: 1000, 1000, 1000 is still uniform.
        assertThat(decoder.expectedBin(buffer(new float[] {1000, 1000, 1000}), 0))
                .isCloseTo(1f, within(1e-6f));
    }

    @Test
    void decodesCellsAboveTheThresholdAroundTheirCentres() {
        // Input 16x8, stride 8: a grid of 2 x 1 cells; 3 bins; 2 classes.
        GflDecoder decoder = new GflDecoder(List.of(8), 3, 16, 8, 2);
        FloatBuffer scores = buffer(new float[] {0.2f, 0.1f}, new float[] {0.3f, 0.9f});
        FloatBuffer boxes =
                buffer(
                        // cell 0 (below threshold): whatever
                        peak(3, 0),
                        peak(3, 0),
                        peak(3, 0),
                        peak(3, 0),
                        // cell 1: left 1 bin, top 0 bins, right 2 bins, bottom 0.6 bins
                        new float[] {0, 0, 0},
                        peak(3, 0),
                        peak(3, 2),
                        new float[] {LN3, 0, 0});
        Candidates out = new Candidates();

        decoder.decode(0, scores, boxes, 0.5f, 1, 1, 1000, 1000, out);

        // Cell 1 is column 1, row 0: centre (1.5 * 8, 0.5 * 8) = (12, 4).
        assertThat(out.size).isEqualTo(1);
        assertThat(out.classId[0]).isEqualTo(1);
        assertThat(out.score[0]).isEqualTo(0.9f);
        assertThat(new float[] {out.x1[0], out.y1[0], out.x2[0], out.y2[0]})
                .containsExactly(new float[] {12 - 8, 4, 12 + 16, 4 + 0.6f * 8}, within(1e-4f));
    }

    @Test
    void scalesToThePictureAndClipsToIt() {
        // Cell 1 again (centre (12, 4)) with left 1, top 0.6, right 2, bottom 1 bins, for a 40x20
        // picture: x scaled by 40 / 16 = 2.5, y by 20 / 8 = 2.5.
        GflDecoder decoder = new GflDecoder(List.of(8), 3, 16, 8, 2);
        FloatBuffer scores = buffer(new float[] {0, 0}, new float[] {0.3f, 0.9f});
        FloatBuffer boxes =
                buffer(
                        peak(3, 0),
                        peak(3, 0),
                        peak(3, 0),
                        peak(3, 0),
                        new float[] {0, 0, 0},
                        new float[] {LN3, 0, 0},
                        peak(3, 2),
                        peak(3, 1));
        Candidates out = new Candidates();

        decoder.decode(0, scores, boxes, 0.5f, 2.5f, 2.5f, 40, 20, out);

        // x1 = (12 - 8) * 2.5 = 10; y1 = (4 - 4.8) * 2.5 = -2 -> 0; x2 = 28 * 2.5 = 70 -> 40;
        // y2 = (4 + 8) * 2.5 = 30 -> 20.
        assertThat(out.size).isEqualTo(1);
        assertThat(new float[] {out.x1[0], out.y1[0], out.x2[0], out.y2[0]})
                .containsExactly(new float[] {10, 0, 40, 20}, within(1e-4f));
    }

    @Test
    void usesTheGridOfEachStride() {
        // Input 32x32, strides 16 and 32: grids 2x2 and 1x1; 2 bins; 1 class.
        GflDecoder decoder = new GflDecoder(List.of(16, 32), 2, 32, 32, 1);
        assertThat(decoder.cells(0)).isEqualTo(4);
        assertThat(decoder.cells(1)).isEqualTo(1);
        assertThat(decoder.boxValuesPerCell()).isEqualTo(8);
        // Level 0, cell 3 = column 1, row 1: centre (24, 24); all sides 1 bin = 16 px, so the
        // box is (8, 8)-(40, 40), clipped to the 32x32 picture.
        FloatBuffer scores = buffer(new float[] {0, 0, 0, 0.8f});
        float[] oneBin = peak(2, 1);
        float[] zero = peak(2, 0);
        FloatBuffer boxes =
                buffer(
                        // cells 0, 1, 2
                        zero,
                        zero,
                        zero,
                        zero,
                        zero,
                        zero,
                        zero,
                        zero,
                        zero,
                        zero,
                        zero,
                        zero,
                        // cell 3
                        oneBin,
                        oneBin,
                        oneBin,
                        oneBin);
        Candidates out = new Candidates();

        decoder.decode(0, scores, boxes, 0.5f, 1, 1, 32, 32, out);

        assertThat(new float[] {out.x1[0], out.y1[0], out.x2[0], out.y2[0]})
                .containsExactly(new float[] {8, 8, 32, 32}, within(1e-4f));
    }

    @Test
    void dropsBoxesThatClippingEmpties() {
        GflDecoder decoder = new GflDecoder(List.of(8), 2, 8, 8, 1);
        Candidates out = new Candidates();
        // Centre (4, 4), all distances 0: a point box, which has no area.
        decoder.decode(
                0,
                buffer(new float[] {0.9f}),
                buffer(peak(2, 0), peak(2, 0), peak(2, 0), peak(2, 0)),
                0.5f,
                1,
                1,
                8,
                8,
                out);

        assertThat(out.size).isZero();
    }
}
