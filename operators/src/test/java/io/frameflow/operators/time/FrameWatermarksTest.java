package io.frameflow.operators.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkOutputMultiplexer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

/**
 * The strategy as a FLIP-27 source runs it: one generator per split, combined by Flink's own
 * multiplexer (the minimum over the splits that are not idle), driven by a manual clock.
 */
class FrameWatermarksTest {
    private final ManualClock clock = new ManualClock(1_000_000_000L);
    private final List<Long> watermarks = new ArrayList<>();
    private final WatermarkOutputMultiplexer combined =
            new WatermarkOutputMultiplexer(new Recorder());

    @Test
    void eventTimeIsCaptureTimeAndDeadLettersHaveNone() {
        assertThat(FrameWatermarks.timestamp(frame("a", 1_700_000_000_123L), 5))
                .isEqualTo(1_700_000_000_123L);
        assertThat(FrameWatermarks.timestamp(deadLetter("a"), 5))
                .isEqualTo(TimestampAssigner.NO_TIMESTAMP);
    }

    @Test
    void watermarkTrailsTheLatestFrameByTheOutOfOrderness() {
        Split a = split("a", new EventTimeOptions(Duration.ofMillis(300), Duration.ofSeconds(5)));
        a.frame(10_000);
        a.frame(9_000);
        a.deadLetter(99_999_999);
        a.periodic();
        combined.onPeriodicEmit();
        assertThat(watermarks).containsExactly(10_000L - 300 - 1);
    }

    @Test
    void aSilentStreamHoldsTheWatermarkOnlyUntilItIsIdle() {
        EventTimeOptions options = new EventTimeOptions(Duration.ZERO, Duration.ofSeconds(2));
        Split live = split("live", options);
        Split silent = split("silent", options);

        for (int i = 0; i < 10; i++) {
            live.frame(1_000 + i * 100L);
            silent.periodic();
            live.periodic();
            combined.onPeriodicEmit();
            clock.advanceTime(Duration.ofMillis(100));
        }
        assertThat(watermarks).as("the silent stream holds event time back").isEmpty();

        for (int i = 10; i < 40; i++) {
            live.frame(1_000 + i * 100L);
            silent.periodic();
            live.periodic();
            combined.onPeriodicEmit();
            clock.advanceTime(Duration.ofMillis(100));
        }
        assertThat(watermarks)
                .as("once idle, the live stream's watermark goes through")
                .isNotEmpty()
                .isSorted();
        assertThat(watermarks.get(watermarks.size() - 1)).isEqualTo(1_000 + 39 * 100L - 1);
    }

    @Test
    void outOfRangeOptionsNameTheKeyAndTheValidRange() {
        assertThatThrownBy(() -> new EventTimeOptions(Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .hasMessage(
                        "watermark option 'out-of-orderness' = -1ms is out of range; use a"
                                + " duration from 0ms to 1h");
        assertThatThrownBy(() -> new EventTimeOptions(Duration.ZERO, Duration.ZERO))
                .hasMessage(
                        "watermark option 'idleness' = 0ms is out of range; use a duration above"
                                + " 0ms and at most 1h");
    }

    private Split split(String id, EventTimeOptions options) {
        combined.registerNewOutput(id);
        WatermarkStrategy<StreamItem> strategy = FrameWatermarks.strategy(options);
        WatermarkGenerator<StreamItem> generator =
                strategy.createWatermarkGenerator(
                        new WatermarkGeneratorSupplier.Context() {
                            @Override
                            public MetricGroup getMetricGroup() {
                                return new UnregisteredMetricsGroup();
                            }

                            @Override
                            public RelativeClock getInputActivityClock() {
                                return clock;
                            }
                        });
        TimestampAssigner<StreamItem> assigner = strategy.createTimestampAssigner(() -> null);
        return new Split(id, generator, assigner, combined.getDeferredOutput(id));
    }

    private record Split(
            String id,
            WatermarkGenerator<StreamItem> generator,
            TimestampAssigner<StreamItem> assigner,
            WatermarkOutput output) {
        void frame(long captureMillis) {
            emit(FrameWatermarksTest.frame(id, captureMillis));
        }

        void deadLetter(long timeMillis) {
            emit(new DeadLetter(id, 3, "decode", "bad packet", false, timeMillis));
        }

        private void emit(StreamItem item) {
            generator.onEvent(item, assigner.extractTimestamp(item, Long.MIN_VALUE), output);
        }

        void periodic() {
            generator.onPeriodicEmit(output);
        }
    }

    private final class Recorder implements WatermarkOutput {
        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }

    private static VideoFrame frame(String stream, long captureMillis) {
        return new VideoFrame(
                stream, 0, 0, captureMillis, TimeSource.ARRIVAL, 1, 1, false, new byte[3]);
    }

    private static DeadLetter deadLetter(String stream) {
        return new DeadLetter(stream, 0, "decode", "bad", false, 42);
    }
}
