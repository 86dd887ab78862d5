package io.frameflow.operators.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackerOptionsTest {

    private static TrackerOptions options(
            double high, double low, double iou, int hits, Duration lost, Set<String> labels) {
        return new TrackerOptions(high, low, iou, hits, lost, labels);
    }

    @Test
    void defaults() {
        TrackerOptions d = TrackerOptions.defaults();
        assertThat(d.highThreshold()).isEqualTo(0.5);
        assertThat(d.lowThreshold()).isEqualTo(0.1);
        assertThat(d.matchIou()).isEqualTo(0.3);
        assertThat(d.minHits()).isEqualTo(2);
        assertThat(d.maxLost()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.labels()).isEmpty();
        assertThat(d.tracks("anything")).isTrue();
        assertThat(d.withLabels(Set.of("car")).tracks("person")).isFalse();
    }

    @Test
    void eachBadValueIsRefusedWithItsKey() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> options(0, 0, 0.3, 2, s, Set.of()))
                .hasMessage(
                        "tracking option 'high-threshold' = 0.0 is out of range; use a score above"
                                + " 0 and at most 1");
        assertThatThrownBy(() -> options(0.5, 0.6, 0.3, 2, s, Set.of()))
                .hasMessage(
                        "tracking option 'low-threshold' = 0.6 is out of range; use a score from 0"
                                + " up to high-threshold (0.5)");
        assertThatThrownBy(() -> options(0.5, -0.1, 0.3, 2, s, Set.of()))
                .hasMessageStartingWith("tracking option 'low-threshold' = -0.1");
        assertThatThrownBy(() -> options(0.5, 0.1, 1.5, 2, s, Set.of()))
                .hasMessage(
                        "tracking option 'match-iou' = 1.5 is out of range; use an overlap above 0"
                                + " and at most 1");
        assertThatThrownBy(() -> options(0.5, 0.1, Double.NaN, 2, s, Set.of()))
                .hasMessageStartingWith("tracking option 'match-iou' = NaN");
        assertThatThrownBy(() -> options(0.5, 0.1, 0.3, 0, s, Set.of()))
                .hasMessage(
                        "tracking option 'min-hits' = 0 is out of range; use a number of frames"
                                + " from 1 to 1000");
        assertThatThrownBy(() -> options(0.5, 0.1, 0.3, 2, Duration.ofNanos(500_000), Set.of()))
                .hasMessage(
                        "tracking option 'max-lost' = 0.5ms is out of range; use a duration of at"
                                + " least 1ms and at most 1h");
        assertThatThrownBy(() -> options(0.5, 0.1, 0.3, 2, Duration.ofHours(2), Set.of()))
                .hasMessageStartingWith("tracking option 'max-lost' = 7200000ms");
        assertThatThrownBy(() -> options(0.5, 0.1, 0.3, 2, s, Set.of(" ")))
                .hasMessage(
                        "tracking option 'labels' = [ ] is out of range; use class names that are"
                                + " not blank");
    }
}
