package io.frameflow.operators.time;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

/**
 * The per-stream strategy as an operator after decoding runs it: one generator for every stream of
 * the subtask, driven by a manual input-activity clock.
 */
class PerStreamWatermarkGeneratorTest {
    private final ManualClock clock = new ManualClock(5_000_000_000L);
    private final Output output = new Output();

    @Test
    void theWatermarkFollowsTheSlowestStreamNotTheFastest() {
        Generator g = generator(Duration.ofMillis(200), Duration.ofSeconds(5));
        g.frame("fast", 10_000);
        g.frame("slow", 4_000);
        g.frame("fast", 12_000);
        g.frame("slow", 3_000); // out of order within its own stream: does not lower its maximum
        g.periodic();
        assertThat(output.watermarks).containsExactly(4_000L - 200 - 1);

        g.frame("slow", 6_000);
        g.periodic();
        g.periodic(); // nothing new: nothing emitted again
        assertThat(output.watermarks).containsExactly(3_799L, 5_799L);
        assertThat(output.idle).isFalse();
    }

    @Test
    void deadLettersHaveNoStreamTime() {
        Generator g = generator(Duration.ZERO, Duration.ofSeconds(5));
        g.frame("a", 1_000);
        g.deadLetter("b");
        g.periodic();
        assertThat(output.watermarks).containsExactly(999L);
    }

    @Test
    void aSilentStreamDropsOutAfterTheIdlenessAndComesBackWithItsNextFrame() {
        Generator g = generator(Duration.ZERO, Duration.ofSeconds(2));
        g.frame("live", 1_000);
        g.frame("silent", 1_000);
        for (int i = 1; i <= 19; i++) {
            clock.advanceTime(Duration.ofMillis(100));
            g.frame("live", 1_000 + i * 100L);
            g.periodic();
        }
        assertThat(output.watermarks)
                .as("until the silent stream is idle, it holds event time at its last frame")
                .containsExactly(999L);

        clock.advanceTime(Duration.ofMillis(100));
        g.frame("live", 3_000);
        g.periodic();
        assertThat(output.watermarks)
                .as("2 s without a frame: the silent stream no longer counts")
                .containsExactly(999L, 2_999L);

        clock.advanceTime(Duration.ofMillis(100));
        g.frame("silent", 2_000); // back, but behind: the watermark does not go back
        g.frame("live", 3_100);
        g.periodic();
        assertThat(output.watermarks).containsExactly(999L, 2_999L);

        clock.advanceTime(Duration.ofMillis(100));
        g.frame("silent", 3_050);
        g.frame("live", 3_200);
        g.periodic();
        assertThat(output.watermarks)
                .as("back in the minimum once it has a frame again")
                .containsExactly(999L, 2_999L, 3_049L);
        assertThat(output.idleMarks).isZero();
    }

    @Test
    void allStreamsIdleMarksTheOutputIdleUntilTheNextFrame() {
        Generator g = generator(Duration.ZERO, Duration.ofSeconds(1));
        g.frame("a", 500);
        g.frame("b", 700);
        g.periodic();
        clock.advanceTime(Duration.ofMillis(999));
        g.periodic();
        assertThat(output.idle).isFalse();
        clock.advanceTime(Duration.ofMillis(1));
        g.periodic();
        g.periodic();
        assertThat(output.idle).isTrue();
        assertThat(output.idleMarks).isEqualTo(1);

        g.frame("b", 2_000);
        assertThat(output.idle).as("a frame marks the output active").isFalse();
        g.periodic();
        assertThat(output.watermarks).containsExactly(499L, 1_999L);
    }

    @Test
    void anOperatorThatNeverSeesAFrameTurnsIdleAfterTheIdleness() {
        Generator g = generator(Duration.ZERO, Duration.ofSeconds(1));
        g.periodic();
        assertThat(output.idle).isFalse();
        clock.advanceTime(Duration.ofSeconds(1));
        g.periodic();
        assertThat(output.idle).isTrue();
        assertThat(output.watermarks).isEmpty();
    }

    @Test
    void withoutIdlenessASilentStreamStallsEventTime() {
        Generator g = generator(Duration.ZERO, Duration.ofHours(1));
        g.frame("silent", 100);
        for (int i = 0; i < 100; i++) {
            clock.advanceTime(Duration.ofSeconds(1));
            g.frame("live", 1_000 * i);
            g.periodic();
        }
        assertThat(output.watermarks).containsExactly(-1L, 99L);
    }

    private Generator generator(Duration outOfOrderness, Duration idleness) {
        WatermarkStrategy<StreamItem> strategy =
                FrameWatermarks.perStream(new EventTimeOptions(outOfOrderness, idleness));
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
        return new Generator(generator, strategy.createTimestampAssigner(() -> null), output);
    }

    private record Generator(
            WatermarkGenerator<StreamItem> generator,
            TimestampAssigner<StreamItem> assigner,
            WatermarkOutput output) {
        void frame(String stream, long captureMillis) {
            emit(
                    new VideoFrame(
                            stream,
                            0,
                            0,
                            captureMillis,
                            TimeSource.ARRIVAL,
                            1,
                            1,
                            false,
                            new byte[3]));
        }

        void deadLetter(String stream) {
            emit(new DeadLetter(stream, 3, "decode", "bad packet", false, 99_999_999L));
        }

        private void emit(StreamItem item) {
            generator.onEvent(item, assigner.extractTimestamp(item, Long.MIN_VALUE), output);
        }

        void periodic() {
            generator.onPeriodicEmit(output);
        }
    }

    /** Records what the generator emits, as Flink's output does (watermarks only increase). */
    private static final class Output implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;
        int idleMarks;

        @Override
        public void emitWatermark(Watermark watermark) {
            if (!watermarks.isEmpty()
                    && watermark.getTimestamp() <= watermarks.get(watermarks.size() - 1)) {
                throw new AssertionError("watermark went back to " + watermark);
            }
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
            idleMarks++;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
