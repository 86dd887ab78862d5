package io.frameflow.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.frameflow.inference.api.DetectedObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {
    private static final List<String> LABELS = List.of("cat", "dog");

    @Test
    void iouOfOverlappingBoxes() {
        Candidates c = new Candidates();
        c.add(0, 0, 10, 10, 0.9f, 0);
        c.add(1, 1, 11, 11, 0.8f, 0);
        c.add(20, 20, 30, 30, 0.7f, 0);
        // Overlap 9 x 9 = 81; union 100 + 100 - 81 = 119.
        assertThat(c.iou(0, 1)).isCloseTo(81f / 119f, within(1e-6f));
        assertThat(c.iou(0, 2)).isZero();
        assertThat(c.iou(0, 0)).isEqualTo(1f);
    }

    @Test
    void suppressesOverlapsWithinAClassOnly() {
        Candidates c = new Candidates();
        c.add(1, 1, 11, 11, 0.8f, 0); // overlaps the next by IoU 0.68: dropped
        c.add(0, 0, 10, 10, 0.9f, 0);
        c.add(1, 1, 11, 11, 0.6f, 1); // same place, other class: kept
        c.add(20, 20, 30, 30, 0.7f, 0); // no overlap: kept

        List<DetectedObject> kept = new NonMaxSuppression().select(c, 0.5f, 100, LABELS);

        assertThat(kept)
                .containsExactly(
                        new DetectedObject(0, "cat", 0.9f, 0, 0, 10, 10),
                        new DetectedObject(0, "cat", 0.7f, 20, 20, 30, 30),
                        new DetectedObject(1, "dog", 0.6f, 1, 1, 11, 11));
    }

    @Test
    void keepsOverlapsAtOrBelowTheThreshold() {
        Candidates c = new Candidates();
        c.add(0, 0, 10, 10, 0.9f, 0);
        c.add(1, 1, 11, 11, 0.8f, 0);

        assertThat(new NonMaxSuppression().select(c, 0.7f, 100, LABELS)).hasSize(2);
    }

    @Test
    void capsAtMaxDetectionsBestFirstWithTiesInInputOrder() {
        Candidates c = new Candidates();
        c.add(0, 0, 1, 1, 0.5f, 0);
        c.add(10, 0, 11, 1, 0.7f, 0);
        c.add(20, 0, 21, 1, 0.7f, 1);
        c.add(30, 0, 31, 1, 0.9f, 1);

        List<DetectedObject> kept = new NonMaxSuppression().select(c, 0.5f, 3, LABELS);

        assertThat(kept).extracting(DetectedObject::x1).containsExactly(30f, 10f, 20f);
    }

    @Test
    void isReusableAcrossFramesOfDifferentSizes() {
        NonMaxSuppression nms = new NonMaxSuppression();
        Candidates many = new Candidates();
        for (int i = 0; i < 200; i++) {
            many.add(i * 10, 0, i * 10 + 5, 5, i / 200f, 0);
        }
        assertThat(nms.select(many, 0.5f, 1000, LABELS)).hasSize(200);

        Candidates few = new Candidates();
        few.add(0, 0, 5, 5, 0.3f, 1);
        assertThat(nms.select(few, 0.5f, 1000, LABELS))
                .containsExactly(new DetectedObject(1, "dog", 0.3f, 0, 0, 5, 5));
    }
}
