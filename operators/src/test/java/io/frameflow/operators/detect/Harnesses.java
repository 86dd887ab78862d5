package io.frameflow.operators.detect;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.FrameResultSerializer;
import io.frameflow.common.serde.StreamItemSerializer;
import io.frameflow.operators.DeadLetterOutput;
import io.frameflow.operators.batch.BatchOptions;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/** Opens detection operators in Flink's operator test harness. */
final class Harnesses {

    private Harnesses() {}

    static OneInputStreamOperatorTestHarness<StreamItem, FrameResult> open(
            FakeDetectorFactory detector, BatchOptions options) throws Exception {
        return open(
                new OneInputStreamOperatorTestHarness<>(
                        new DetectionOperatorFactory(detector, options),
                        StreamItemSerializer.INSTANCE));
    }

    static OneInputStreamOperatorTestHarness<StreamItem, FrameResult> open(
            FakeDetectorFactory detector, BatchOptions options, MockEnvironment environment)
            throws Exception {
        return open(
                new OneInputStreamOperatorTestHarness<>(
                        new DetectionOperatorFactory(detector, options),
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
