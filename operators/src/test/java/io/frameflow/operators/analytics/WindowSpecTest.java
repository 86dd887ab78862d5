package io.frameflow.operators.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

class WindowSpecTest {

    @Test
    void tumblingAndSlidingWindows() {
        WindowSpec tumbling = WindowSpec.tumbling(Duration.ofSeconds(10));
        assertThat(tumbling.isTumbling()).isTrue();
        assertThat(tumbling.assigner()).isInstanceOf(TumblingEventTimeWindows.class);
        assertThat(tumbling.describe()).isEqualTo("tumbling 10s");
        assertThat(tumbling.id()).isEqualTo("tumbling-10000ms");
        assertThat(tumbling.windowsOf(12_345)).containsExactly(new TimeWindow(10_000, 20_000));

        WindowSpec sliding = WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofMillis(2500));
        assertThat(sliding.isTumbling()).isFalse();
        assertThat(sliding.assigner()).isInstanceOf(SlidingEventTimeWindows.class);
        assertThat(sliding.describe()).isEqualTo("sliding 10s every 2500ms");
        assertThat(sliding.id()).isEqualTo("sliding-10000ms-2500ms");
        assertThat(WindowSpec.sliding(Duration.ofMinutes(1), Duration.ofSeconds(30)).describe())
                .isEqualTo("sliding 1m every 30s");
        assertThat(sliding.windowsOf(12_345))
                .containsExactly(
                        new TimeWindow(2_500, 12_500),
                        new TimeWindow(5_000, 15_000),
                        new TimeWindow(7_500, 17_500),
                        new TimeWindow(10_000, 20_000));
    }

    @Test
    void theWindowsOfATimestampAreTheAssignersWindows() {
        WindowSpec sliding = WindowSpec.sliding(Duration.ofSeconds(3), Duration.ofSeconds(1));
        for (long t : new long[] {0, 999, 1000, 2_500, 7_001}) {
            List<TimeWindow> flink =
                    sliding.assigner().assignWindows(null, t, null).stream()
                            .sorted((a, b) -> Long.compare(a.getStart(), b.getStart()))
                            .toList();
            assertThat(sliding.windowsOf(t)).as("t=%d", t).isEqualTo(flink);
        }
    }

    @Test
    void aWindowSizeOfZeroNamesTheKey() {
        assertThatThrownBy(() -> WindowSpec.tumbling(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window 'size' must be above 0, got 0s");
        assertThatThrownBy(() -> WindowSpec.sliding(Duration.ofSeconds(1), Duration.ofMillis(-5)))
                .hasMessage("window 'slide' must be above 0, got -5ms");
        assertThatThrownBy(() -> new WindowSpec(null, Duration.ofSeconds(1)))
                .hasMessage("window 'size' is missing");
    }

    @Test
    void slidesLongerThanTheSizeOrFinerThanAMillisecondAreRejected() {
        assertThatThrownBy(() -> WindowSpec.sliding(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessage(
                        "window 'slide' must be at most its 'size' (1s), got 2s: windows would"
                                + " leave gaps");
        assertThatThrownBy(() -> WindowSpec.tumbling(Duration.ofHours(48)))
                .hasMessage("window 'size' must be at most 24h, got 48h");
        assertThatThrownBy(() -> WindowSpec.tumbling(Duration.ofNanos(1_500_000)))
                .hasMessage("window 'size' must be whole milliseconds, got 1.5ms");
        assertThatThrownBy(() -> WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofMillis(1)))
                .hasMessage(
                        "window 'slide' 1ms is too small for a 10s window: each frame would fall"
                                + " into 10000 windows, at most 1000 are allowed");
    }

    @Test
    void optionsNeedWindowsOfDistinctSizesAndSaneLateness() {
        WindowSpec ten = WindowSpec.tumbling(Duration.ofSeconds(10));
        assertThatThrownBy(() -> AnalyticsOptions.of(List.of()))
                .hasMessage("analytics needs at least one window under 'windows'");
        assertThatThrownBy(
                        () ->
                                AnalyticsOptions.of(
                                        List.of(
                                                ten,
                                                WindowSpec.sliding(
                                                        Duration.ofSeconds(10),
                                                        Duration.ofSeconds(5)))))
                .hasMessage(
                        "analytics 'windows': two windows have size 10s; their results would have"
                                + " the same identity, so give each window its own size");
        AnalyticsOptions options = AnalyticsOptions.of(List.of(ten));
        assertThat(options.allowedLateness()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> options.withAllowedLateness(Duration.ofHours(2)))
                .hasMessage(
                        "analytics 'allowed-lateness' = 2h is out of range; use whole"
                                + " milliseconds from 0s to 1h");
        assertThatThrownBy(() -> options.withAllowedLateness(Duration.ofMillis(-1)))
                .hasMessageContaining("'allowed-lateness' = -1ms");
        assertThatThrownBy(
                        () -> options.withZones(List.of(Samples.square("a"), Samples.square("a"))))
                .hasMessage("analytics 'zones': id 'a' is used twice");
        assertThatThrownBy(() -> options.withLabels(Set.of(" ")))
                .hasMessage("analytics 'labels' holds an empty label");
        assertThat(options.withLabels(Set.of("person")).counts("car")).isFalse();
        assertThat(options.counts("car")).isTrue();
    }
}
