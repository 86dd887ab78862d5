package io.frameflow.operators.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import io.frameflow.common.WindowResult;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import io.frameflow.operators.time.EventTimeOptions;
import io.frameflow.operators.time.FrameWatermarks;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three streams share one subtask, as Kafka streams share a decode subtask, with the per-stream
 * watermarks of {@link FrameWatermarks#perStream}. Stream a stops after 2 s of capture time; b and
 * c go on without end (the source is unbounded), b 1.5 s of capture time ahead of c. Once a is
 * idle, the windows of b and c fire while the job still runs: no end of input, and so no final
 * watermark, is needed. And c, behind b, loses no frame: a single maximum over the subtask's
 * streams would have made most of c's frames late.
 */
class IdleStreamWindowsITCase {
    private static final long FRAME_MILLIS = 100;
    private static final String[] STREAMS = {"a", "b", "c"};

    /** Items before stream a stops: its last frame is number 19, capture time 1.9 s. */
    private static final int ROUND_ROBIN = 60;

    private static final long B_AHEAD_MILLIS = 1_500;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    void windowsOfALiveStreamFireWhileTheOtherIsSilent() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.getConfig().setAutoWatermarkInterval(20);
        DataStream<FrameResult> results =
                env.fromSequence(0, Long.MAX_VALUE)
                        .map(IdleStreamWindowsITCase::frameAt)
                        .returns(StreamItemTypeInfoFactory.TYPE_INFO)
                        .assignTimestampsAndWatermarks(
                                FrameWatermarks.perStream(
                                        new EventTimeOptions(
                                                Duration.ZERO, Duration.ofMillis(300))))
                        .map(
                                item ->
                                        FrameResult.of(
                                                (VideoFrame) item,
                                                "fake@1",
                                                List.of(Samples.at("person", 50, 50, 1))))
                        .returns(FrameResultTypeInfoFactory.TYPE_INFO);
        AnalyticsWindows.Windows windows =
                AnalyticsWindows.apply(
                        results,
                        null,
                        AnalyticsOptions.of(List.of(WindowSpec.tumbling(Duration.ofSeconds(1)))),
                        1);
        windows.results().sinkTo(TestJobs.collect("idle-results"));
        windows.deadLetters().sinkTo(TestJobs.collect("idle-dead-letters"));

        JobClient job = env.executeAsync("idle stream");
        try {
            Optional<WindowResult> found = awaitWindowOfB(job, 5_000);
            assertThat(found)
                    .as("a window of b after a stopped fired while the job ran")
                    .isPresent();
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

            List<WindowResult> seen = TestJobs.collected("idle-results");
            assertThat(seen)
                    .filteredOn(r -> r.streamId().equals("a"))
                    .extracting(WindowResult::windowStartMillis, r -> r.value("frames"))
                    .as("a's two windows, complete")
                    .contains(tuple(0L, 10.0), tuple(1000L, 10.0));
            for (String stream : List.of("b", "c")) {
                assertThat(seen)
                        .filteredOn(
                                r -> r.streamId().equals(stream) && r.windowStartMillis() == 3_000)
                        .as("stream %s, window [3 s, 4 s)", stream)
                        .singleElement()
                        .satisfies(
                                r -> {
                                    assertThat(r.value("frames")).isEqualTo(10.0);
                                    assertThat(r.value("detections")).isEqualTo(10.0);
                                    assertThat(r.revision()).isZero();
                                });
            }
            assertThat(TestJobs.<Object>collected("idle-dead-letters")).isEmpty();
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Waits for a result of stream b whose window starts at {@code start} or later; gives up (and
     * the test fails) when the job stops or after three minutes, so that a stall cannot hang the
     * build.
     */
    private static Optional<WindowResult> awaitWindowOfB(JobClient job, long start)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && !job.getJobStatus().get().isTerminalState()) {
            Optional<WindowResult> found =
                    TestJobs.<WindowResult>collected("idle-results").stream()
                            .filter(r -> r.streamId().equals("b") && r.windowStartMillis() >= start)
                            .findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /**
     * Item {@code i}: for the first {@value #ROUND_ROBIN} items a, b and c take turns, then only b
     * and c. Frames are 100 ms apart in each stream; a and c start at capture time 0, b at 1.5 s,
     * so b runs ahead of c for the whole job. A pause per item keeps capture time at about 10 times
     * real time, so a's silence lasts long enough in real time to make it idle.
     */
    private static StreamItem frameAt(long i) throws InterruptedException {
        Thread.sleep(5);
        String stream;
        long seq;
        if (i < ROUND_ROBIN) {
            stream = STREAMS[(int) (i % 3)];
            seq = i / 3;
        } else {
            stream = (i - ROUND_ROBIN) % 2 == 0 ? "b" : "c";
            seq = (i - ROUND_ROBIN) / 2 + ROUND_ROBIN / 3;
        }
        long capture = seq * FRAME_MILLIS + (stream.equals("b") ? B_AHEAD_MILLIS : 0);
        return new VideoFrame(stream, seq, 0, capture, TimeSource.MEDIA, 1, 1, false, new byte[3]);
    }
}
