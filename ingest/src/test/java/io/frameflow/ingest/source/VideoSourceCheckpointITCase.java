package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.ffmpeg.DecodeEvent;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegDecoder;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.testing.TestClips.Codec;
import io.frameflow.ingest.uri.StreamUri;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.zip.CRC32;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that fails once in the middle of its streams and restores from a checkpoint. What reaches
 * the operator after the source is kept in checkpointed state, so the final state holds exactly
 * what the source emitted in the run that counts: each frame must be there once, in order, with the
 * pixels of an uninterrupted decode.
 */
class VideoSourceCheckpointITCase {
    private static final int FRAMES = 120;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(fullRestart())
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    // shared with the operator instances, which run in this JVM
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicBoolean CHECKPOINTED_WITH_FRAMES = new AtomicBoolean();
    static final AtomicInteger RESTORED_WITH_FRAMES = new AtomicInteger();
    static final Map<Integer, Outcome> LAST_ATTEMPT = new ConcurrentHashMap<>();
    static final Map<String, long[]> RESUME_POINTS = new ConcurrentHashMap<>();

    @TempDir Path dir;

    @Test
    void aRestoredJobNeitherLosesNorRepeatsFrames() throws Exception {
        Path lossless = TestClips.write(dir.resolve("lossless.avi"), Codec.FFV1, FRAMES, 64, 48);
        Path lossy = TestClips.write(dir.resolve("lossy.avi"), Codec.MPEG4, FRAMES, 160, 120);
        List<Long> lossyCrcs = uninterruptedCrcs(lossy);
        assertThat(lossyCrcs).hasSize(FRAMES);

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(restarts());
        env.setParallelism(2);
        env.enableCheckpointing(100);
        VideoSource source =
                VideoSource.builder()
                        .addStream("lossless", lossless.toString())
                        .addStream("lossy", lossy.toString())
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "video")
                .map(new FailOnceRecorder())
                .sinkTo(new DiscardingSink<>());

        env.execute("video source restore test");

        assertThat(FAILED).as("the job failed once").isTrue();
        assertThat(RESTORED_WITH_FRAMES.get()).as("restores with frames in state").isPositive();
        Map<String, List<String[]>> byStream = new HashMap<>();
        for (Outcome o : LAST_ATTEMPT.values()) {
            for (String record : o.records()) {
                String[] f = record.split(",");
                byStream.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            }
        }
        assertThat(byStream).containsOnlyKeys("lossless", "lossy");
        List<Long> expectedSeqs = LongStream.range(0, FRAMES).boxed().toList();
        for (Map.Entry<String, List<String[]>> e : byStream.entrySet()) {
            List<String[]> records = e.getValue();
            assertThat(records).extracting(f -> Long.parseLong(f[1])).isEqualTo(expectedSeqs);
            for (String[] f : records) {
                int seq = Integer.parseInt(f[1]);
                assertThat(Long.parseLong(f[2])).isEqualTo(seq * TestClips.FRAME_MICROS);
                long expectedCrc =
                        e.getKey().equals("lossless")
                                ? crc(TestClips.pixels(seq, 64, 48))
                                : lossyCrcs.get(seq);
                assertThat(Long.parseLong(f[3]))
                        .as("pixels of %s frame %d", e.getKey(), seq)
                        .isEqualTo(expectedCrc);
            }
        }
        assertThat(RESUME_POINTS).isNotEmpty();
        RESUME_POINTS.forEach(
                (stream, p) ->
                        assertThat(p[1])
                                .as("first frame of %s after restoring up to %d", stream, p[0])
                                .isEqualTo(p[0] + 1));
    }

    /** What one operator instance held when it closed, and in which attempt. */
    record Outcome(int attempt, List<String> records) {}

    /**
     * Keeps one line per frame in operator state, fails once after a checkpoint with frames has
     * completed, and publishes its records when it closes. Slow on purpose (a few ms per frame), so
     * that checkpoints fall in the middle of the streams.
     */
    static final class FailOnceRecorder extends RichMapFunction<StreamItem, StreamItem>
            implements CheckpointedFunction, CheckpointListener {
        private final List<String> records = new ArrayList<>();
        private final Map<String, Long> lastRestoredSeq = new HashMap<>();
        private transient ListState<String> state;
        private int seenThisAttempt;

        @Override
        public StreamItem map(StreamItem item) throws Exception {
            // slow until the failure, so that checkpoints complete mid-stream; quick afterwards
            Thread.sleep(FAILED.get() ? 1 : 8);
            VideoFrame f = (VideoFrame) item;
            Long restored = lastRestoredSeq.remove(f.streamId());
            if (restored != null) {
                RESUME_POINTS.put(f.streamId(), new long[] {restored, f.seq()});
            }
            records.add(f.streamId() + "," + f.seq() + "," + f.ptsMicros() + "," + crc(f.bgr()));
            seenThisAttempt++;
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && CHECKPOINTED_WITH_FRAMES.get()
                    && seenThisAttempt >= 30
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("planned failure to test the restore");
            }
            return item;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(records);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("frames", String.class));
            if (context.isRestored()) {
                state.get().forEach(records::add);
                for (String r : records) {
                    String[] f = r.split(",");
                    lastRestoredSeq.merge(f[0], Long.parseLong(f[1]), Math::max);
                }
                if (!records.isEmpty()) {
                    RESTORED_WITH_FRAMES.incrementAndGet();
                }
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (!records.isEmpty()) {
                CHECKPOINTED_WITH_FRAMES.set(true);
            }
        }

        @Override
        public void close() {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            Outcome outcome = new Outcome(attempt, List.copyOf(records));
            LAST_ATTEMPT.merge(subtask, outcome, (a, b) -> b.attempt() >= a.attempt() ? b : a);
        }
    }

    private static List<Long> uninterruptedCrcs(Path clip) throws Exception {
        List<Long> crcs = new ArrayList<>();
        try (FFmpegDecoder d =
                new FFmpegDecoder(StreamUri.parse(clip.toString()), DecoderOptions.defaults())) {
            d.open();
            DecodeEvent e;
            while ((e = d.next()) instanceof DecodeEvent.DecodedFrame f) {
                crcs.add(crc(f.bgr()));
            }
        }
        return crcs;
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static Configuration fullRestart() {
        Configuration conf = new Configuration();
        // restart every task, so that both streams are restored from the checkpoint
        conf.set(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY, "full");
        return conf;
    }

    private static Configuration restarts() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        return conf;
    }
}
