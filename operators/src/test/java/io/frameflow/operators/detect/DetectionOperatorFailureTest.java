package io.frameflow.operators.detect;

import static io.frameflow.operators.detect.Harnesses.deadLetters;
import static io.frameflow.operators.detect.Harnesses.resultIds;
import static io.frameflow.operators.detect.Harnesses.results;
import static io.frameflow.operators.detect.TestFrames.expectedDetections;
import static io.frameflow.operators.detect.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.FrameResultSerializer;
import io.frameflow.common.serde.StreamItemSerializer;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.operators.DeadLetterOutput;
import io.frameflow.operators.batch.BatchOptions;
import java.time.Duration;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The predictor's life cycle, frames the model rejects, and a model that is broken. */
class DetectionOperatorFailureTest {

    private static final Duration LONG = Duration.ofSeconds(10);
    private static final String FAILURE = "model fake-detector@1.0: session run failed, code 6";

    @Test
    void createsOnePredictorInOpenAndClosesItInClose() throws Exception {
        var detector = FakeDetectorFactory.working();
        var harness =
                new OneInputStreamOperatorTestHarness<>(
                        Harnesses.detectOperator(detector, new BatchOptions(2, LONG)),
                        StreamItemSerializer.INSTANCE);
        harness.setup(FrameResultSerializer.INSTANCE);
        assertThat(detector.probe().created).hasValue(0);

        harness.open();
        for (int seq = 0; seq < 5; seq++) {
            harness.processElement(frame("cam-a", seq, 10 + seq), seq);
        }
        assertThat(detector.probe().created).hasValue(1);
        assertThat(detector.probe().closed).hasValue(0);

        harness.close();
        assertThat(detector.probe().created).hasValue(1);
        assertThat(detector.probe().closed).hasValue(1);
        assertThat(results(harness)).hasSize(5);
    }

    @Test
    void aFrameTheModelRejectsBecomesADeadLetterAndTheOthersGoOn() throws Exception {
        var detector = FakeDetectorFactory.rejecting(12);
        try (var harness = Harnesses.open(detector, new BatchOptions(3, LONG))) {
            harness.setProcessingTime(4_242);
            harness.processElement(frame("cam-a", 0, 10), 100);
            harness.processElement(frame("cam-b", 0, 12), 200);
            harness.processElement(frame("cam-a", 1, 14), 300);

            assertThat(resultIds(harness)).containsExactly("cam-a#0", "cam-a#1");
            assertThat(results(harness))
                    .extracting(FrameResult::detections)
                    .containsExactly(expectedDetections(10), expectedDetections(14));
            assertThat(deadLetters(harness))
                    .containsExactly(
                            new DeadLetter(
                                    "cam-b",
                                    0,
                                    "detect",
                                    "model fake-detector@1.0 cannot read an image of mean 12",
                                    false,
                                    4_242));
            assertThat(harness.getSideOutput(DeadLetterOutput.TAG))
                    .extracting(StreamRecord::getTimestamp)
                    .containsExactly(200L);
            // the whole batch once, then each frame on its own
            assertThat(detector.probe().batchSizes).containsExactly(3, 1, 1, 1);
        }
    }

    @Test
    void aModelThatFailsOnEveryFrameFailsTheTaskAfterThreeBatches() throws Exception {
        var detector = FakeDetectorFactory.failing();
        var harness = Harnesses.open(detector, new BatchOptions(2, LONG));
        for (int seq = 0; seq < 4; seq++) {
            harness.processElement(frame("cam-a", seq, 10 + seq), seq);
        }
        assertThat(deadLetters(harness))
                .extracting(DeadLetter::seq, DeadLetter::reason, DeadLetter::fatal)
                .containsExactly(
                        tuple(0L, FAILURE, false),
                        tuple(1L, FAILURE, false),
                        tuple(2L, FAILURE, false),
                        tuple(3L, FAILURE, false));

        harness.processElement(frame("cam-a", 4, 14), 4);
        assertThatThrownBy(() -> harness.processElement(frame("cam-a", 5, 15), 5))
                .isInstanceOf(InferenceException.class)
                .hasMessage(
                        "model fake-detector@1.0 failed on every frame of 3 batches in a row, so"
                                + " the model is taken to be broken; last error: "
                                + FAILURE)
                .hasCauseInstanceOf(InferenceException.class);
        assertThat(deadLetters(harness)).hasSize(4);
        assertThat(results(harness)).isEmpty();

        closeAfterFailure(harness);
        assertThat(detector.probe().closed).hasValue(1);
    }

    @Test
    void anAcceptedFrameStartsTheCountOfFailedBatchesAgain() throws Exception {
        var detector = FakeDetectorFactory.rejecting(12);
        var options = new BatchOptions(1, LONG, 2);
        var harness = Harnesses.open(detector, options);
        int[] means = {12, 10, 12, 10, 12, 10};
        for (int seq = 0; seq < means.length; seq++) {
            harness.processElement(frame("cam-a", seq, means[seq]), seq);
        }
        assertThat(resultIds(harness)).containsExactly("cam-a#1", "cam-a#3", "cam-a#5");
        assertThat(deadLetters(harness)).extracting(DeadLetter::seq).containsExactly(0L, 2L, 4L);
        // a batch of one frame is not run a second time on its own
        assertThat(detector.probe().batchSizes).containsExactly(1, 1, 1, 1, 1, 1);

        harness.processElement(frame("cam-a", 6, 12), 6);
        assertThatThrownBy(() -> harness.processElement(frame("cam-a", 7, 12), 7))
                .isInstanceOf(InferenceException.class)
                .hasMessageContaining("fake-detector@1.0 failed on every frame of 2 batches");
        closeAfterFailure(harness);
    }

    @Test
    void aFailureWhileTheTaskIsCancelledIsNotBlamedOnTheFrames() throws Exception {
        var detector = FakeDetectorFactory.failing();
        var harness = Harnesses.open(detector, new BatchOptions(2, LONG));
        harness.processElement(frame("cam-a", 0, 10), 0);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> harness.processElement(frame("cam-a", 1, 11), 1))
                    .isInstanceOf(InferenceException.class)
                    .hasMessage(FAILURE);
        } finally {
            Thread.interrupted();
        }
        assertThat(deadLetters(harness)).isEmpty();
        assertThat(detector.probe().batchSizes).containsExactly(2);
        closeAfterFailure(harness);
    }

    @Test
    void aPredictorThatLosesResultsHasItsFramesRejectedWithTheReason() throws Exception {
        var detector = FakeDetectorFactory.losingResults();
        try (var harness = Harnesses.open(detector, new BatchOptions(2, LONG))) {
            harness.processElement(frame("cam-a", 0, 10), 0);
            harness.processElement(frame("cam-a", 1, 11), 1);

            assertThat(deadLetters(harness))
                    .extracting(DeadLetter::reason)
                    .containsOnly(
                            "model fake-detector@1.0 returned 0 results for a batch of 1 images");
            assertThat(deadLetters(harness)).hasSize(2);
        }
    }

    @Test
    void aModelThatCannotBeLoadedFailsOpenWithTheModelAndTheReason() throws Exception {
        var detector = FakeDetectorFactory.failingToLoad();
        var harness =
                new OneInputStreamOperatorTestHarness<>(
                        Harnesses.detectOperator(detector, BatchOptions.defaults()),
                        StreamItemSerializer.INSTANCE);
        assertThatThrownBy(harness::open)
                .isInstanceOf(InferenceException.class)
                .hasMessageStartingWith("failed to load model fake-detector@1.0 in ")
                .hasMessageEndingWith(": model file fake.onnx is missing");
        closeAfterFailure(harness);
    }

    @Test
    void aPredictorForAnotherModelIsClosedAndFailsOpen() throws Exception {
        var detector = FakeDetectorFactory.creatingPredictorsFor("other-model@2");
        var harness =
                new OneInputStreamOperatorTestHarness<>(
                        Harnesses.detectOperator(detector, BatchOptions.defaults()),
                        StreamItemSerializer.INSTANCE);
        assertThatThrownBy(harness::open)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "predictor factory for model fake-detector@1.0 created a predictor for"
                                + " model other-model@2");
        assertThat(detector.probe().created).hasValue(1);
        assertThat(detector.probe().closed).hasValue(1);
        closeAfterFailure(harness);
    }

    /**
     * What Flink does when a task fails: close the operator without finishing it. Then the harness
     * is closed too (it would finish the operator, which by then holds no frames).
     */
    private static void closeAfterFailure(
            OneInputStreamOperatorTestHarness<StreamItem, FrameResult> harness) throws Exception {
        harness.getOperator().close();
        int before = results(harness).size();
        harness.close();
        assertThat(results(harness)).hasSize(before);
    }
}
