package io.frameflow.inference.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.inference.api.RleMask;
import org.junit.jupiter.api.Test;

class MaskRleTest {

    @Test
    void runsAlternateStartingWithUnsetCells() {
        byte[] cells = Grids.parse("..##", "#...", "...#");

        RleMask mask = MaskRle.encode(cells, 4, 3);

        // row-major: . . # # # . . . . . . #
        assertThat(mask.counts()).containsExactly(2, 3, 6, 1);
        assertThat(mask.area()).isEqualTo(4);
        assertThat(MaskRle.decode(mask)).isEqualTo(cells);
    }

    @Test
    void aMaskStartingWithASetCellHasAnEmptyFirstRun() {
        RleMask mask = MaskRle.encode(Grids.parse("##.", "..#"), 3, 2);

        assertThat(mask.counts()).containsExactly(0, 2, 3, 1);
    }

    @Test
    void emptyAndFullMasks() {
        assertThat(MaskRle.encode(new byte[6], 3, 2).counts()).containsExactly(6);
        assertThat(MaskRle.encode(Grids.parse("###", "###"), 3, 2).counts()).containsExactly(0, 6);
    }

    @Test
    void manyRunsGrowTheBuffer() {
        byte[] stripes = new byte[100];
        for (int i = 0; i < stripes.length; i += 2) {
            stripes[i] = 1;
        }
        RleMask mask = MaskRle.encode(stripes, 10, 10);

        assertThat(mask.counts()).hasSize(101);
        assertThat(mask.area()).isEqualTo(50);
        assertThat(MaskRle.decode(mask)).isEqualTo(stripes);
    }
}
