package io.frameflow.operators.detect;

import static io.frameflow.operators.detect.TestFrames.expectedDetections;
import static io.frameflow.operators.detect.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.stage.ModelStageOperator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The detection stage in a checkpointed job on a MiniCluster, two subtasks. */
class DetectionStageITCase {

    private static final int PARALLELISM = 2;
    private static final int REJECTED_MEAN = 13;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    @Test
    void everyFrameGetsOneResultAndEveryDeadLetterArrives() throws Exception {
        List<StreamItem> items = new ArrayList<>();
        Map<String, Integer> meanById = new HashMap<>();
        for (int seq = 0; seq < 30; seq++) {
            for (int stream = 0; stream < 3; stream++) {
                int mean = 2 + (stream * 30 + seq) * 2; // even: never REJECTED_MEAN
                items.add(frame("cam-" + stream, seq, mean));
                meanById.put("cam-" + stream + "#" + seq, mean);
            }
        }
        items.add(17, TestFrames.decodeError("cam-1", 99));
        items.add(60, new DeadLetter("cam-9", DeadLetter.WHOLE_STREAM, "open", "gone", true, 5));
        VideoFrame rejected = frame("cam-2", 30, REJECTED_MEAN);
        items.add(41, rejected);
        var detector = FakeDetectorFactory.rejecting(REJECTED_MEAN);

        Collected collected = run(items, detector, new BatchOptions(4, Duration.ofMillis(20)));

        assertThat(collected.results)
                .extracting(r -> r.streamId() + "#" + r.seq())
                .containsExactlyInAnyOrderElementsOf(meanById.keySet());
        for (FrameResult result : collected.results) {
            int mean = meanById.get(result.streamId() + "#" + result.seq());
            assertThat(result.detections()).isEqualTo(expectedDetections(mean));
            assertThat(result.model()).isEqualTo(FakeDetectorFactory.MODEL);
        }
        assertThat(collected.deadLetters)
                .extracting(DeadLetter::streamId, DeadLetter::seq, DeadLetter::stage)
                .containsExactlyInAnyOrder(
                        tuple("cam-1", 99L, "decode"),
                        tuple("cam-9", -1L, "open"),
                        tuple("cam-2", 30L, "detect"));
        assertThat(collected.framesAnalysed).isEqualTo(90L);
        assertThat(detector.probe().created).hasValue(PARALLELISM);
        assertThat(detector.probe().closed).hasValue(PARALLELISM);
        assertThat(detector.probe().batchSizes).allMatch(size -> size >= 1 && size <= 4);
    }

    @Test
    void checkpointBarriersCutBatchesWhenNeitherSizeNorDeadlineDoes() throws Exception {
        List<StreamItem> items = new ArrayList<>();
        for (int seq = 0; seq < 160; seq++) {
            items.add(frame("cam-" + seq % 4, seq / 4, 1 + seq % 200));
        }
        var detector = FakeDetectorFactory.working();
        var neverFull = new BatchOptions(1_000, BatchOptions.MAX_DELAY_LIMIT);

        // 80 frames per subtask, 10 ms each: about 16 checkpoints while the sources run.
        Collected collected = run(items, detector, neverFull, 10);

        assertThat(collected.results).hasSize(items.size());
        assertThat(collected.framesAnalysed).isEqualTo(items.size());
        // Without the barriers, each subtask would run a single batch at the end of its input.
        assertThat(detector.probe().batchSizes).hasSizeGreaterThan(PARALLELISM);
        assertThat(detector.probe().batchSizes.stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(items.size());
    }

    private static Collected run(
            List<StreamItem> items, FakeDetectorFactory detector, BatchOptions options)
            throws Exception {
        return run(items, detector, options, 0);
    }

    /** Runs source → (a pause per item) → detection → collect, checkpointing every 50 ms. */
    private static Collected run(
            List<StreamItem> items,
            FakeDetectorFactory detector,
            BatchOptions options,
            long pauseMillisPerItem)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(50);
        env.getConfig().enableObjectReuse();
        DataStream<StreamItem> source =
                env.fromData(items, StreamItemTypeInfoFactory.TYPE_INFO)
                        .setParallelism(PARALLELISM);
        if (pauseMillisPerItem > 0) {
            source = source.map(new Pause<>(pauseMillisPerItem)).returns(source.getType());
        }
        SingleOutputStreamOperator<FrameResult> stage =
                DetectionStage.apply(source, detector, options, "detect");
        try (CloseableIterator<FrameResult> results = stage.collectAsync();
                CloseableIterator<DeadLetter> deadLetters =
                        DetectionStage.deadLetters(stage).collectAsync()) {
            JobExecutionResult job = env.execute("detection stage test");
            Collected collected = new Collected();
            results.forEachRemaining(collected.results::add);
            deadLetters.forEachRemaining(collected.deadLetters::add);
            collected.framesAnalysed =
                    job.getAccumulatorResult(ModelStageOperator.FRAMES_ANALYSED_ACCUMULATOR);
            return collected;
        }
    }

    private static final class Collected {
        final List<FrameResult> results = new ArrayList<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();
        Long framesAnalysed;
    }

    /** Passes items on after a pause, so that the job lives through several checkpoints. */
    private static final class Pause<T> implements MapFunction<T, T> {
        private final long millis;

        Pause(long millis) {
            this.millis = millis;
        }

        @Override
        public T map(T item) throws InterruptedException {
            Thread.sleep(millis);
            return item;
        }
    }
}
