package io.frameflow.inference.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContourTracerTest {

    private static float[] floats(int[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    void aRectangleHasItsFourCornersClockwise() {
        byte[] cells = Grids.parse(".....", ".###.", ".###.", ".....");

        int[] outline = ContourTracer.trace(cells, 5, 4, 6);

        assertThat(outline).containsExactly(1, 1, 4, 1, 4, 3, 1, 3);
        assertThat(ContourTracer.area(floats(outline))).isEqualTo(6);
    }

    @Test
    void anLShapeHasSixCornersAndItsCellCountAsArea() {
        byte[] cells = Grids.parse("#..", "#..", "###");

        int[] outline = ContourTracer.trace(cells, 3, 3, 0);

        assertThat(outline).containsExactly(0, 0, 1, 0, 1, 2, 3, 2, 3, 3, 0, 3);
        assertThat(ContourTracer.area(floats(outline))).isEqualTo(5);
    }

    @Test
    void cellsTouchingAtACornerAreOneRegionWithOneOutline() {
        byte[] cells = Grids.parse("#..", ".#.", "..#");

        List<ConnectedRegions.Region> regions = new ConnectedRegions().label(cells, 3, 3);
        int[] outline = ContourTracer.trace(cells, 3, 3, 0);

        assertThat(regions).hasSize(1);
        assertThat(regions.get(0).area()).isEqualTo(3);
        // the outline passes through the touching corners and encloses exactly the 3 cells
        assertThat(ContourTracer.area(floats(outline))).isEqualTo(3);
        assertThat(outline.length / 2).isEqualTo(12);
    }

    @Test
    void regionsComeLargestFirstWithTheirBoundsAndFirstCell() {
        byte[] cells = Grids.parse("#....", ".....", "..###", "..##.");

        List<ConnectedRegions.Region> regions = new ConnectedRegions().label(cells, 5, 4);

        assertThat(regions).hasSize(2);
        ConnectedRegions.Region big = regions.get(0);
        assertThat(big.area()).isEqualTo(5);
        assertThat(big.start()).isEqualTo(12);
        assertThat(List.of(big.minX(), big.minY(), big.maxX(), big.maxY()))
                .containsExactly(2, 2, 4, 3);
        assertThat(regions.get(1).area()).isEqualTo(1);
    }

    @Test
    void aHoleIsEnclosedByTheOuterOutline() {
        byte[] cells = Grids.parse("###", "#.#", "###");

        int[] outline = ContourTracer.trace(cells, 3, 3, 0);

        assertThat(outline).containsExactly(0, 0, 3, 0, 3, 3, 0, 3);
    }
}
