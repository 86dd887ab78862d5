package io.frameflow.operators.detect;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.FrameResultSerializer;
import io.frameflow.common.serde.StreamItemSerializer;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.operators.DeadLetterOutput;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.stage.DetectStage;
import io.frameflow.operators.stage.ModelStageOperatorFactory;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/** Opens detection operators in Flink's operator test harness. */
final class Harnesses {

    private Harnesses() {}

    /** The operator factory of a pipeline whose only stage is detection, named {@code detect}. */
    static ModelStageOperatorFactory<FrameResult> detectOperator(
            PredictorFactory<BgrImage, List<DetectedObject>> detector, BatchOptions options) {
        return new ModelStageOperatorFactory<>(
                DetectStage.primary("detect", detector, options), true);
    }

    static OneInputStreamOperatorTestHarness<StreamItem, FrameResult> open(
            FakeDetectorFactory detector, BatchOptions options) throws Exception {
        return open(
                new OneInputStreamOperatorTestHarness<>(
                        detectOperator(detector, options), StreamItemSerializer.INSTANCE));
    }

    static OneInputStreamOperatorTestHarness<StreamItem, FrameResult> open(
            FakeDetectorFactory detector, BatchOptions options, MockEnvironment environment)
            throws Exception {
        return open(
                new OneInputStreamOperatorTestHarness<>(
                        detectOperator(detector, options),
                        StreamItemSerializer.INSTANCE,
                        environment));
    }

    private static OneInputStreamOperatorTestHarness<StreamItem, FrameResult> open(
            OneInputStreamOperatorTestHarness<StreamItem, FrameResult> harness) throws Exception {
        harness.setup(FrameResultSerializer.INSTANCE);
        harness.setProcessingTime(0);
        harness.open();
        return harness;
    }

    static List<FrameResult> results(OneInputStreamOperatorTestHarness<?, FrameResult> harness) {
        return harness.extractOutputValues();
    }

    /** (stream, seq) of each result, e.g. {@code "cam-a#3"}, for order checks. */
    static List<String> resultIds(OneInputStreamOperatorTestHarness<?, FrameResult> harness) {
        return results(harness).stream()
                .map(r -> r.streamId() + "#" + r.seq())
                .collect(Collectors.toList());
    }

    static List<DeadLetter> deadLetters(OneInputStreamOperatorTestHarness<?, ?> harness) {
        var side = harness.getSideOutput(DeadLetterOutput.TAG);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }
}
