package io.frameflow.sinks.video;

import static io.frameflow.sinks.video.TestPictures.at;
import static io.frameflow.sinks.video.TestPictures.bgrOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.VideoFrame;
import io.frameflow.common.serde.VideoFrameTypeInfoFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink in Flink jobs on a MiniCluster, chained after the operator that makes the frames, as the
 * job assembly runs it after the decoder and the model stages.
 */
class AnnotatedVideoSinkITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final int W = 320;
    private static final int H = 240;
    private static final int FRAMES = 60;

    @TempDir Path out;

    /** All frames of one stream, made in the task, as a decoder would. */
    static final class MakeFrames implements FlatMapFunction<String, VideoFrame> {
        @Override
        public void flatMap(String stream, Collector<VideoFrame> frames) {
            for (int seq = 0; seq < FRAMES; seq++) {
                frames.collect(TestPictures.frame(stream, seq, W, H, 25));
            }
        }
    }

    /** Pairs a frame with its result, as the model stages (and the tracker) would. */
    static final class Analyse implements MapFunction<VideoFrame, AnnotatedFrame> {
        @Override
        public AnnotatedFrame map(VideoFrame frame) {
            return new AnnotatedFrame(
                    frame,
                    TestPictures.result(
                            frame, List.of(TestPictures.person(), TestPictures.car()), true));
        }
    }

    @Test
    void eachStreamsVideoIsWrittenInTheTaskThatMadeItsFrames() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.getConfig().enableObjectReuse();
        env.enableCheckpointing(100);
        VideoSinkOptions options =
                VideoSinkOptions.defaults(out.toString())
                        .withQuality(Quality.HIGH)
                        .withSegment(Duration.ofSeconds(1));
        env.fromData("north", "south")
                .setParallelism(1)
                .rebalance()
                .flatMap(new MakeFrames())
                .returns(VideoFrameTypeInfoFactory.TYPE_INFO)
                .map(new Analyse())
                .sinkTo(AnnotatedVideoSink.of(options))
                .name("annotated-video");

        // the pictures never leave the task: frames, results and the sink form one chain
        JobGraph graph = env.getStreamGraph(false).getJobGraph();
        List<JobVertex> vertices = graph.getVerticesSortedTopologicallyFromSources();
        assertThat(vertices).hasSize(2);
        assertThat(vertices.get(1).getName()).contains("Flat Map -> Map -> annotated-video");

        env.execute("annotated video sink test");

        for (String stream : List.of("north", "south")) {
            Path dir = out.resolve(stream);
            assertThat(Mp4Files.list(dir))
                    .containsExactly(stream + "-0.mp4", stream + "-25.mp4", stream + "-50.mp4");
            assertThat(Mp4Files.decode(dir.resolve(stream + "-0.mp4")).frames()).isEqualTo(25);
            assertThat(Mp4Files.decode(dir.resolve(stream + "-25.mp4")).frames()).isEqualTo(25);
            Mp4Files.Decoded last = Mp4Files.decode(dir.resolve(stream + "-50.mp4"));
            assertThat(last.frames()).isEqualTo(10);
            int[] edge = at(last.pictures().get(5), W, 40, 120);
            int[] person = bgrOf(ClassColors.of("person"));
            for (int c = 0; c < 3; c++) {
                assertThat(edge[c]).isCloseTo(person[c], org.assertj.core.data.Offset.offset(40));
            }
        }
    }

    /** Fails once, after a few checkpoints, in the task that holds the sink. */
    static final class FailOnce implements MapFunction<Long, AnnotatedFrame> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger SEEN = new AtomicInteger();

        @Override
        public AnnotatedFrame map(Long seq) throws Exception {
            if (seq == 70 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at frame 70");
            }
            SEEN.incrementAndGet();
            if (!FAILED.get()) {
                Thread.sleep(5); // let checkpoints complete before the failure
            }
            VideoFrame frame = TestPictures.frame("cam", seq, W, H, 25);
            return new AnnotatedFrame(
                    frame, TestPictures.result(frame, List.of(TestPictures.person()), false));
        }
    }

    @Test
    void afterAFailureEveryFrameIsInACompleteFileAndNoFileIsOverwritten() throws Exception {
        int frames = 120;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.getConfig().enableObjectReuse();
        env.enableCheckpointing(50);
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        restart.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(restart);
        env.fromSequence(0, frames - 1)
                .map(new FailOnce())
                .sinkTo(
                        AnnotatedVideoSink.of(
                                VideoSinkOptions.defaults(out.toString())
                                        .withFps(25)
                                        .withSegment(Duration.ofSeconds(2))));
        env.execute("annotated video failover test");

        assertThat(FailOnce.FAILED).isTrue();
        Path dir = out.resolve("cam");
        List<String> files = Mp4Files.list(dir);
        assertThat(files).allMatch(name -> name.matches("cam-\\d+(\\.\\d+)?\\.mp4"));
        // every file is complete: it decodes, and its frames are the frames from its first on
        BitSet covered = new BitSet();
        int pictures = 0;
        for (String name : files) {
            long first = Long.parseLong(name.replaceAll("cam-(\\d+).*", "$1"));
            Mp4Files.Decoded video = Mp4Files.decode(dir.resolve(name));
            assertThat(video.frames()).as(name).isPositive();
            for (long micros : video.timestampsMicros()) {
                covered.set((int) (first + Math.round(micros * 25 / 1e6)));
            }
            pictures += video.frames();
        }
        assertThat(covered.nextClearBit(0)).as("frames covered from 0 on").isEqualTo(frames);
        assertThat(covered.cardinality()).isEqualTo(frames);
        // the restart replayed the frames since the last checkpoint (none when a checkpoint fell
        // just before the failure): they are in video twice, in the file the failed attempt
        // completed when it closed and in the one the restart began
        int replayed = FailOnce.SEEN.get() - frames;
        assertThat(replayed).isNotNegative();
        assertThat(pictures).isEqualTo(frames + replayed);
    }
}
