package io.frameflow.inference.restore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileAxisTest {

    /** Every pixel is owned by exactly one tile, which holds it at least margin from its edges. */
    private static void assertCoveredWithMargins(int length, int tile, int margin) {
        TileAxis axis = new TileAxis(length, tile, margin);
        assertThat(axis.ownedFrom(0)).isZero();
        assertThat(axis.ownedTo(axis.count() - 1)).isEqualTo(length);
        for (int i = 0; i < axis.count(); i++) {
            int start = axis.start(i);
            assertThat(start).isBetween(0, length - tile);
            assertThat(axis.ownedTo(i)).isGreaterThan(axis.ownedFrom(i));
            if (i > 0) {
                assertThat(axis.ownedFrom(i)).isEqualTo(axis.ownedTo(i - 1));
                assertThat(axis.ownedFrom(i) - start)
                        .as("left margin of tile %d", i)
                        .isGreaterThanOrEqualTo(margin);
            }
            if (i < axis.count() - 1) {
                assertThat(start + tile - axis.ownedTo(i))
                        .as("right margin of tile %d", i)
                        .isGreaterThanOrEqualTo(margin);
            }
            assertThat(axis.ownedFrom(i)).isGreaterThanOrEqualTo(start);
            assertThat(axis.ownedTo(i)).isLessThanOrEqualTo(start + tile);
        }
    }

    @Test
    void aFrameOfOneTileIsOneTile() {
        TileAxis axis = new TileAxis(256, 256, 16);

        assertThat(axis.count()).isEqualTo(1);
        assertThat(axis.ownedTo(0)).isEqualTo(256);
    }

    @Test
    void a1080pRowNeedsNineTilesOf256WithOverlap16() {
        // (1920 - 256) / (256 - 32) = 7.4 steps -> 8 steps, 9 tiles
        TileAxis axis = new TileAxis(1920, 256, 16);

        assertThat(axis.count()).isEqualTo(9);
        assertThat(axis.start(8)).isEqualTo(1920 - 256);
    }

    @Test
    void everyPixelIsOwnedOnceAndAwayFromTileEdges() {
        for (int length = 64; length < 400; length += 7) {
            assertCoveredWithMargins(length, 64, 16);
            assertCoveredWithMargins(length, 64, 0);
            assertCoveredWithMargins(length, 64, 31);
        }
    }
}
