package io.frameflow.operators.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.Detection;
import io.frameflow.common.StagedFrame;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How model outputs become detections, and how bad ones become reasons. */
class BatchRunnerTest {

    private static final StagedFrame FRAME =
            StagedFrame.of(
                    new VideoFrame("cam", 0, 0, 0, TimeSource.MEDIA, 4, 2, false, new byte[24]));

    @Test
    void keepsLabelClassScoreAndBoxAndPutsTheBestScoreFirst() {
        var objects =
                List.of(
                        new DetectedObject(2, "car", 0.4f, 1, 2, 3, 4),
                        new DetectedObject(0, "person", 0.9f, 0.5f, 1.5f, 2.5f, 3.5f),
                        new DetectedObject(1, "bicycle", 0.4f, 5, 6, 7, 8));
        var detector = new BatchRunner(new DetectModel(answering(image -> objects)), 3);

        List<StageOutcome> outcomes = detector.run(List.of(FRAME));

        assertThat(outcomes)
                .containsExactly(
                        new StageOutcome.Passed(
                                FRAME.detected(
                                        "m@1",
                                        List.of(
                                                new Detection(
                                                        "person", 0, 0.9f, 0.5f, 1.5f, 2.5f, 3.5f),
                                                // ties keep the model's order
                                                new Detection("car", 2, 0.4f, 1, 2, 3, 4),
                                                new Detection("bicycle", 1, 0.4f, 5, 6, 7, 8)))));
    }

    @Test
    void anInvalidDetectionRejectsItsFrameWithTheModelAndTheProblem() {
        var bad = new DetectedObject(0, "person", 1.5f, 0, 0, 1, 1);
        var detector = new BatchRunner(new DetectModel(answering(image -> List.of(bad))), 3);

        StageOutcome outcome = detector.run(List.of(FRAME)).get(0);

        assertThat(outcome).isInstanceOf(StageOutcome.Rejected.class);
        assertThat(((StageOutcome.Rejected) outcome).reason())
                .isEqualTo(
                        "model m@1 returned an invalid detection "
                                + bad
                                + ": score must be in [0, 1], got 1.5");
    }

    @Test
    void aReasonIsOneLineAndNeverEmpty() {
        assertThat(BatchRunner.reasonOf(new RuntimeException("  first\n  second \r\nthird ")))
                .isEqualTo("first second third");
        assertThat(BatchRunner.reasonOf(new NullPointerException()))
                .isEqualTo("java.lang.NullPointerException");
    }

    /** A predictor named {@code m@1} that answers each image with {@code answer}. */
    private static Predictor<BgrImage, List<DetectedObject>> answering(
            Function<BgrImage, List<DetectedObject>> answer) {
        return new Predictor<>() {
            @Override
            public List<List<DetectedObject>> predict(List<BgrImage> inputs) {
                List<List<DetectedObject>> out = new ArrayList<>();
                for (BgrImage image : inputs) {
                    out.add(answer.apply(image));
                }
                return out;
            }

            @Override
            public String modelId() {
                return "m@1";
            }

            @Override
            public void close() {}
        };
    }
}
