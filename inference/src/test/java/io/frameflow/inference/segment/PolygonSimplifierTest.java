package io.frameflow.inference.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolygonSimplifierTest {

    @Test
    void pointsOnStraightEdgesAreDropped() {
        float[] square = {0, 0, 2, 0, 4, 0, 4, 2, 4, 4, 2, 4, 0, 4, 0, 2};

        assertThat(PolygonSimplifier.simplify(square, 0)).containsExactly(0, 0, 4, 0, 4, 4, 0, 4);
    }

    @Test
    void aStaircaseWithinTheToleranceBecomesItsDiagonal() {
        // a right triangle whose hypotenuse is a staircase of unit steps
        float[] stairs = {0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 3, 2, 3, 3, 0, 3};

        float[] simple = PolygonSimplifier.simplify(stairs, 1.0);

        // every step corner is 0.71 from the diagonal
        assertThat(simple).containsExactly(0, 0, 3, 3, 0, 3);
        // below the smallest deviation of any corner from its simplified chain, nothing goes
        assertThat(PolygonSimplifier.simplify(stairs, 0.25)).isEqualTo(stairs);
    }

    @Test
    void neverFewerThanThreePoints() {
        float[] sliver = {0, 0, 10, 0, 10, 0.1f, 0, 0.1f};

        assertThat(PolygonSimplifier.simplify(sliver, 5)).isEqualTo(sliver);
    }
}
