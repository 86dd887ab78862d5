package io.frameflow.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.spec.DetectionDefaults;
import org.junit.jupiter.api.Test;

class DetectorOptionsTest {
    private static final DetectorOptions OPTIONS =
            DetectorOptions.from(new DetectionDefaults(0.35, 0.5, 100));

    @Test
    void takesTheModelDefaults() {
        assertThat(OPTIONS.scoreThreshold()).isEqualTo(0.35);
        assertThat(OPTIONS.iouThreshold()).isEqualTo(0.5);
        assertThat(OPTIONS.maxDetections()).isEqualTo(100);
        assertThat(OPTIONS.runtime()).isEqualTo(RuntimeOptions.defaults());
        assertThat(OPTIONS.withThreads(3).runtime().threads()).isEqualTo(3);
    }

    @Test
    void rejectsOutOfRangeValuesNamingTheKey() {
        assertThatThrownBy(() -> OPTIONS.withScoreThreshold(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score-threshold: 0.0 is not in (0, 1]");
        assertThatThrownBy(() -> OPTIONS.withIouThreshold(1.2))
                .hasMessage("iou-threshold: 1.2 is not in (0, 1]");
        assertThatThrownBy(() -> OPTIONS.withMaxDetections(0))
                .hasMessage("max-detections: 0 is not a positive integer");
        assertThatThrownBy(() -> OPTIONS.withThreads(-1))
                .hasMessage("threads: -1 is not a positive integer");
        assertThatThrownBy(() -> new DetectorOptions(0.3, 0.5, 10, null)).hasMessage("runtime");
        assertThatThrownBy(() -> OPTIONS.withScoreThreshold(Double.NaN))
                .hasMessage("score-threshold: NaN is not in (0, 1]");
    }
}
