package io.frameflow.inference.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DetectedObjectTest {

    private static DetectedObject box(float x1, float y1, float x2, float y2) {
        return new DetectedObject(0, "person", 0.5f, x1, y1, x2, y2);
    }

    @Test
    void iouIsIntersectionOverUnion() {
        DetectedObject a = box(0, 0, 10, 10);

        assertThat(a.iou(a)).isEqualTo(1.0);
        assertThat(a.iou(box(5, 0, 15, 10))).isCloseTo(50.0 / 150.0, within(1e-9));
        assertThat(a.iou(box(0, 0, 5, 5))).isCloseTo(25.0 / 100.0, within(1e-9));
        assertThat(a.iou(box(10, 0, 20, 10))).isZero();
        assertThat(a.iou(box(3, 3, 3, 3))).isZero();
    }
}
