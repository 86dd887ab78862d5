package io.frameflow.operators.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Point;
import io.frameflow.operators.analytics.Zone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tracking in a checkpointed job on a MiniCluster, two subtasks, with one failure in the middle:
 * what the job delivers (collected exactly once) equals what a tracker per stream computes alone.
 */
class TrackingITCase {
    private static final int PARALLELISM = 2;
    private static final int STREAMS = 4;
    private static final int FRAMES = 200;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    private static final List<Zone> ZONES =
            List.of(
                    Zone.of(
                            "centre",
                            List.of(
                                    new Point(320, 180),
                                    new Point(960, 180),
                                    new Point(960, 540),
                                    new Point(320, 540))));
    private static final List<CountingLine> LINES =
            List.of(CountingLine.of("mid", new Point(640, 0), new Point(640, 720)));

    /** Fails once, at a frame of stream cam-1 after a checkpoint has completed. */
    static final class FailOnce
            implements MapFunction<FrameResult, FrameResult>, CheckpointListener {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger CHECKPOINTS = new AtomicInteger();

        @Override
        public FrameResult map(FrameResult r) {
            if (r.streamId().equals("cam-1")
                    && r.seq() >= 120
                    && CHECKPOINTS.get() > 0
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at cam-1 frame " + r.seq());
            }
            return r;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTS.incrementAndGet();
        }
    }

    /** Slows the source down so that checkpoints complete while it runs. */
    static final class Pause implements MapFunction<FrameResult, FrameResult> {
        @Override
        public FrameResult map(FrameResult r) throws InterruptedException {
            Thread.sleep(2);
            return r;
        }
    }

    @Test
    void aJobRestoredAfterAFailureDeliversTheIdsAndEventsOfAnUnbrokenTracker() throws Exception {
        List<List<FrameResult>> streams = new ArrayList<>();
        List<FrameResult> input = new ArrayList<>();
        for (int s = 0; s < STREAMS; s++) {
            streams.add(Scenes.busyScene("cam-" + s, 10 + s, FRAMES, 12));
        }
        for (int f = 0; f < FRAMES; f++) {
            for (List<FrameResult> stream : streams) {
                input.add(stream.get(f));
            }
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(100);
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        restart.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(restart);
        // one source subtask keeps each stream's frames in order
        DataStream<FrameResult> source =
                env.fromData(input, FrameResultTypeInfoFactory.TYPE_INFO)
                        .setParallelism(1)
                        .map(new Pause())
                        .returns(FrameResultTypeInfoFactory.TYPE_INFO)
                        .setParallelism(1)
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<FrameResult>forBoundedOutOfOrderness(
                                                Duration.ofMillis(500))
                                        .withTimestampAssigner(
                                                (r, previous) -> r.captureTimeMillis()))
                        .setParallelism(1);
        Tracking tracking =
                Tracking.apply(source, TrackerOptions.defaults(), ZONES, LINES, PARALLELISM);
        DataStream<FrameResult> results =
                tracking.results()
                        .map(new FailOnce())
                        .returns(FrameResultTypeInfoFactory.TYPE_INFO);

        List<FrameResult> delivered = new ArrayList<>();
        List<TrackEvent> events = new ArrayList<>();
        FailOnce.FAILED.set(false);
        FailOnce.CHECKPOINTS.set(0);
        try (CloseableIterator<FrameResult> r = results.collectAsync();
                CloseableIterator<TrackEvent> e = tracking.events().collectAsync()) {
            env.execute("tracking test");
            r.forEachRemaining(delivered::add);
            e.forEachRemaining(events::add);
        }

        assertThat(FailOnce.FAILED).isTrue();
        int eventTypes = 0;
        for (List<FrameResult> stream : streams) {
            String id = stream.get(0).streamId();
            Scenes.Run alone =
                    Scenes.run(
                            new StreamTracker(id, TrackerOptions.defaults(), ZONES, LINES), stream);
            assertThat(delivered.stream().filter(x -> x.streamId().equals(id)).toList())
                    .as("results of %s", id)
                    .isEqualTo(alone.results());
            assertThat(events.stream().filter(x -> x.streamId().equals(id)).toList())
                    .as("events of %s", id)
                    .containsExactlyInAnyOrderElementsOf(alone.events());
            eventTypes += (int) alone.events().stream().map(TrackEvent::type).distinct().count();
        }
        assertThat(eventTypes).as("every kind of event in every stream").isEqualTo(5 * STREAMS);
    }
}
