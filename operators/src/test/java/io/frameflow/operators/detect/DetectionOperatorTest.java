package io.frameflow.operators.detect;

import static io.frameflow.operators.detect.Harnesses.deadLetters;
import static io.frameflow.operators.detect.Harnesses.resultIds;
import static io.frameflow.operators.detect.Harnesses.results;
import static io.frameflow.operators.detect.TestFrames.expectedDetections;
import static io.frameflow.operators.detect.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import io.frameflow.operators.batch.BatchOptions;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** When the detection stage runs its batches, and what it emits. */
class DetectionOperatorTest {

    private static final BatchOptions BATCH_OF_3 = new BatchOptions(3, Duration.ofSeconds(10));

    private final FakeDetectorFactory detector = FakeDetectorFactory.working();

    @Test
    void runsABatchWhenItIsFull() throws Exception {
        try (var harness = Harnesses.open(detector, BATCH_OF_3)) {
            for (int seq = 0; seq < 7; seq++) {
                harness.processElement(frame("cam-a", seq, 10 + seq), seq);
                int expectedOut = seq < 2 ? 0 : seq < 5 ? 3 : 6;
                assertThat(results(harness)).as("results after frame %d", seq).hasSize(expectedOut);
            }
            assertThat(detector.probe().batchSizes).containsExactly(3, 3);

            harness.endInput();

            assertThat(detector.probe().batchSizes).containsExactly(3, 3, 1);
            assertThat(resultIds(harness))
                    .containsExactly(
                            "cam-a#0", "cam-a#1", "cam-a#2", "cam-a#3", "cam-a#4", "cam-a#5",
                            "cam-a#6");
        }
    }

    @Test
    void runsABatchWhenItsDeadlinePasses() throws Exception {
        var options = new BatchOptions(8, Duration.ofMillis(50));
        try (var harness = Harnesses.open(detector, options)) {
            harness.setProcessingTime(1_000);
            harness.processElement(frame("cam-a", 0, 10), 0);
            harness.setProcessingTime(1_030);
            harness.processElement(frame("cam-b", 0, 20), 0);
            harness.setProcessingTime(1_049);
            assertThat(results(harness)).isEmpty();

            harness.setProcessingTime(1_050);
            assertThat(resultIds(harness)).containsExactly("cam-a#0", "cam-b#0");
            assertThat(detector.probe().batchSizes).containsExactly(2);

            // The next batch's deadline counts from its own first frame.
            harness.setProcessingTime(1_070);
            harness.processElement(frame("cam-a", 1, 30), 1);
            harness.setProcessingTime(1_119);
            assertThat(results(harness)).hasSize(2);
            harness.setProcessingTime(1_120);
            assertThat(resultIds(harness)).containsExactly("cam-a#0", "cam-b#0", "cam-a#1");
        }
    }

    @Test
    void theDeadlineOfABatchThatRanFullDoesNotCutTheNextBatchShort() throws Exception {
        var options = new BatchOptions(2, Duration.ofMillis(50));
        try (var harness = Harnesses.open(detector, options)) {
            harness.processElement(frame("cam-a", 0, 10), 0);
            harness.setProcessingTime(10);
            harness.processElement(frame("cam-a", 1, 11), 1); // full: runs now
            assertThat(harness.getProcessingTimeService().getNumActiveTimers()).isZero();
            harness.setProcessingTime(20);
            harness.processElement(frame("cam-a", 2, 12), 2); // due at 70

            harness.setProcessingTime(50);
            assertThat(detector.probe().batchSizes).containsExactly(2);
            harness.setProcessingTime(70);
            assertThat(detector.probe().batchSizes).containsExactly(2, 1);
        }
    }

    @Test
    void zeroDelayRunsEveryFrameAtOnce() throws Exception {
        try (var harness = Harnesses.open(detector, new BatchOptions(8, Duration.ZERO))) {
            harness.processElement(frame("cam-a", 0, 10), 0);
            assertThat(results(harness)).hasSize(1);
            harness.processElement(frame("cam-b", 0, 11), 0);
            assertThat(results(harness)).hasSize(2);
            assertThat(detector.probe().batchSizes).containsExactly(1, 1);
            assertThat(harness.getProcessingTimeService().getNumActiveTimers()).isZero();
        }
    }

    @Test
    void runsTheWaitingFramesBeforeACheckpointBarrierAndKeepsNoState() throws Exception {
        try (var harness = Harnesses.open(detector, BATCH_OF_3)) {
            harness.processElement(frame("cam-a", 0, 10), 0);
            harness.processElement(frame("cam-b", 0, 20), 0);
            assertThat(results(harness)).isEmpty();

            harness.prepareSnapshotPreBarrier(1);
            assertThat(resultIds(harness)).containsExactly("cam-a#0", "cam-b#0");
            OperatorSubtaskState snapshot = harness.snapshot(1, 100);

            assertThat(snapshot.hasState()).isFalse();
            assertThat(detector.probe().batchSizes).containsExactly(2);
        }
    }

    @Test
    void runsTheWaitingFramesAtEndOfInputAndOnFinish() throws Exception {
        try (var harness = Harnesses.open(detector, BATCH_OF_3)) {
            harness.processElement(frame("cam-a", 0, 10), 0);
            harness.endInput();
            assertThat(resultIds(harness)).containsExactly("cam-a#0");

            harness.processElement(frame("cam-a", 1, 11), 1);
            harness.getOperator().finish();
            assertThat(resultIds(harness)).containsExactly("cam-a#0", "cam-a#1");
            assertThat(detector.probe().batchSizes).containsExactly(1, 1);
        }
    }

    @Test
    void batchesMixStreamsAndResultsKeepArrivalOrder() throws Exception {
        int[][] arrivals = {{0, 0}, {1, 0}, {0, 1}, {2, 0}, {1, 1}, {0, 2}, {2, 1}, {1, 2}};
        try (var harness = Harnesses.open(detector, BATCH_OF_3)) {
            for (int[] a : arrivals) {
                String stream = "cam-" + a[0];
                harness.processElement(frame(stream, a[1], 30 * a[0] + a[1] + 1), 100 + a[1]);
            }
            harness.endInput();

            assertThat(detector.probe().batchSizes).containsExactly(3, 3, 2);
            assertThat(resultIds(harness))
                    .containsExactly(
                            "cam-0#0", "cam-1#0", "cam-0#1", "cam-2#0", "cam-1#1", "cam-0#2",
                            "cam-2#1", "cam-1#2");
            for (FrameResult result : results(harness)) {
                int stream = result.streamId().charAt(4) - '0';
                int mean = 30 * stream + (int) result.seq() + 1;
                assertThat(result.detections())
                        .as("detections of %s#%d", result.streamId(), result.seq())
                        .isEqualTo(expectedDetections(mean));
            }
        }
    }

    @Test
    void resultsCarryTheFramesIdentityTimesSizeAndModel() throws Exception {
        VideoFrame damaged = frame("cam-x", 13, 77);
        assertThat(damaged.damaged()).isTrue();
        try (var harness = Harnesses.open(detector, BATCH_OF_3)) {
            harness.processElement(damaged, 555);
            harness.processElement(new StreamRecord<>(frame("cam-y", 4, 200)));
            harness.endInput();

            List<StreamRecord<? extends FrameResult>> records =
                    harness.extractOutputStreamRecords();
            assertThat(records).hasSize(2);
            FrameResult first = records.get(0).getValue();
            assertThat(first.streamId()).isEqualTo("cam-x");
            assertThat(first.seq()).isEqualTo(13);
            assertThat(first.ptsMicros()).isEqualTo(13 * 40_000L + 7);
            assertThat(first.captureTimeMillis()).isEqualTo(1_700_000_000_000L + 13 * 40);
            assertThat(first.timeSource()).isEqualTo(TimeSource.MEDIA);
            assertThat(first.width()).isEqualTo(TestFrames.WIDTH);
            assertThat(first.height()).isEqualTo(TestFrames.HEIGHT);
            assertThat(first.damaged()).isTrue();
            assertThat(first.model()).isEqualTo(FakeDetectorFactory.MODEL);
            assertThat(first.detections()).isEqualTo(expectedDetections(77));
            assertThat(records.get(0).getTimestamp()).isEqualTo(555);

            FrameResult second = records.get(1).getValue();
            assertThat(second.damaged()).isFalse();
            assertThat(second.timeSource()).isEqualTo(TimeSource.ARRIVAL);
            assertThat(second.detections()).isEqualTo(expectedDetections(200));
            assertThat(records.get(1).hasTimestamp()).isFalse();
        }
    }

    @Test
    void deadLettersFromTheSourceGoToTheSideOutputAtOnce() throws Exception {
        DeadLetter lost = TestFrames.decodeError("cam-a", 1);
        DeadLetter gone =
                new DeadLetter("cam-b", DeadLetter.WHOLE_STREAM, "open", "no such file", true, 9);
        try (var harness = Harnesses.open(detector, BATCH_OF_3)) {
            harness.processElement(frame("cam-a", 0, 10), 0);
            harness.processElement(lost, 40);
            harness.processElement(gone, 0);

            assertThat(deadLetters(harness)).containsExactly(lost, gone);
            assertThat(results(harness)).isEmpty();
            harness.processElement(frame("cam-a", 2, 12), 80);
            harness.endInput();
            assertThat(resultIds(harness)).containsExactly("cam-a#0", "cam-a#2");
            assertThat(detector.probe().batchSizes).containsExactly(2);
        }
    }

    @Test
    void holdsBackAWatermarkUntilTheFramesBeforeItAreOut() throws Exception {
        try (var harness = Harnesses.open(detector, BATCH_OF_3)) {
            harness.processWatermark(new Watermark(5));
            harness.processElement(frame("cam-a", 0, 10), 10);
            harness.processWatermark(new Watermark(20));
            harness.processWatermark(new Watermark(30));
            harness.processElement(frame("cam-a", 1, 11), 40);

            assertThat(timeline(harness)).containsExactly("watermark 5");

            harness.processElement(frame("cam-a", 2, 12), 50);

            assertThat(timeline(harness))
                    .containsExactly(
                            "watermark 5",
                            "result at 10",
                            "result at 40",
                            "result at 50",
                            "watermark 30");
        }
    }

    /** The harness's output as {@code "watermark 5"} and {@code "result at 10"} lines. */
    private static List<String> timeline(
            OneInputStreamOperatorTestHarness<StreamItem, FrameResult> harness) {
        return harness.getOutput().stream()
                .map(
                        e ->
                                e instanceof Watermark w
                                        ? "watermark " + w.getTimestamp()
                                        : "result at " + ((StreamRecord<?>) e).getTimestamp())
                .toList();
    }
}
