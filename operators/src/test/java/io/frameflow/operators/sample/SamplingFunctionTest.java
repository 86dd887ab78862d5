package io.frameflow.operators.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import io.frameflow.common.serde.StreamItemSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SamplingFunctionTest {

    @Test
    void maxFpsKeepsTheFirstFrameOfEachSlotOfStreamTime() throws Exception {
        // 10 fps for 2 s, sampled to 5 fps (slots of 200 ms): frames 0, 2, 4, … are the first of
        // their slot; sampled to 3 fps (slots of 333 ms): 0, 4 (400 ms), 7 (700 ms), 10, 14, 17
        try (var h = harness(Map.of("a", new Sampling.MaxFps(5), "b", new Sampling.MaxFps(3)))) {
            for (int i = 0; i < 20; i++) {
                h.processElement(frame("a", i, i * 100_000L), i);
                h.processElement(frame("b", i, i * 100_000L), i);
            }
            assertThat(kept(h, "a")).containsExactly(0L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L);
            assertThat(kept(h, "b")).containsExactly(0L, 4L, 7L, 10L, 14L, 17L);
        }
    }

    @Test
    void everyNthFollowsTheSequenceNumbers() throws Exception {
        try (var h = harness(Map.of("a", new Sampling.EveryNth(3)))) {
            for (long seq : new long[] {0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12}) {
                h.processElement(frame("a", seq, seq * 40_000), seq);
            }
            assertThat(kept(h, "a")).containsExactly(0L, 3L, 6L, 9L, 12L);
        }
    }

    @Test
    void otherStreamsAndDeadLettersPassUnchanged() throws Exception {
        try (var h = harness(Map.of("a", new Sampling.EveryNth(100)))) {
            DeadLetter dl = new DeadLetter("a", 5, "decode", "bad packet", false, 9);
            h.processElement(frame("a", 1, 40_000), 1);
            h.processElement(dl, 2);
            h.processElement(frame("z", 1, 40_000), 3);
            assertThat(h.extractOutputValues()).containsExactly(dl, frame("z", 1, 40_000));
        }
    }

    @Test
    void oneRuleForEveryStreamCoversStreamsSeenOnlyAtRunTime() throws Exception {
        var h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new SamplingFunction(new Sampling.EveryNth(2))),
                        StreamItemSerializer.INSTANCE);
        h.setup(StreamItemSerializer.INSTANCE);
        h.open();
        try (h) {
            for (long seq = 0; seq < 6; seq++) {
                h.processElement(frame("cam-1", seq, seq * 40_000), seq);
                h.processElement(frame("cam-2", seq, seq * 40_000), seq);
            }
            assertThat(kept(h, "cam-1")).containsExactly(0L, 2L, 4L);
            assertThat(kept(h, "cam-2")).containsExactly(0L, 2L, 4L);
        }
    }

    @Test
    void aRestoredRunKeepsExactlyTheFramesOfAnUnbrokenOne() throws Exception {
        Map<String, Sampling> rules = Map.of("a", new Sampling.MaxFps(4));
        List<Long> unbroken;
        try (var h = harness(rules)) {
            for (int i = 0; i < 30; i++) {
                h.processElement(frame("a", i, i * 100_000L), i);
            }
            unbroken = kept(h, "a");
        }

        List<Long> restored = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var h = harness(rules)) {
            // frame 13 (1.3 s) shares the slot [1.25 s, 1.5 s) with frame 14: only one may pass
            for (int i = 0; i < 14; i++) {
                h.processElement(frame("a", i, i * 100_000L), i);
            }
            snapshot = h.snapshot(1, 1);
            restored.addAll(kept(h, "a"));
        }
        try (var h = harness(rules, snapshot)) {
            for (int i = 14; i < 30; i++) {
                h.processElement(frame("a", i, i * 100_000L), i);
            }
            restored.addAll(kept(h, "a"));
        }

        assertThat(restored).isEqualTo(unbroken).doesNotContain(14L).contains(13L);
    }

    @Test
    void countsEveryFrameLeftOutPerStream() throws Exception {
        try (var h = harness(Map.of("a", new Sampling.EveryNth(4), "b", new Sampling.MaxFps(1)))) {
            for (int i = 0; i < 20; i++) {
                h.processElement(frame("a", i, i * 100_000L), i);
                h.processElement(frame("b", i, i * 100_000L), i);
            }
            SamplingFunction f =
                    (SamplingFunction)
                            ((ProcessOperator<?, ?>) h.getOneInputOperator()).getUserFunction();
            assertThat(f.sampledOut("a")).isEqualTo(15);
            assertThat(f.sampledOut("b")).isEqualTo(18);
        }
    }

    @Test
    void outOfRangeRulesNameTheKeyTheValueAndTheRange() {
        assertThatThrownBy(() -> new Sampling.MaxFps(0))
                .hasMessage(
                        "sampling 'max-fps' = 0.0 is out of range; use a number of frames per"
                                + " second above 0 and at most 1000");
        assertThatThrownBy(() -> new Sampling.MaxFps(Double.NaN))
                .hasMessageStartingWith("sampling 'max-fps' = NaN is out of range");
        assertThatThrownBy(() -> new Sampling.EveryNth(0))
                .hasMessage("sampling 'every' = 0 is out of range; use 1 or more");
    }

    private static List<Long> kept(
            OneInputStreamOperatorTestHarness<StreamItem, StreamItem> h, String stream) {
        return h.extractOutputValues().stream()
                .filter(i -> i instanceof VideoFrame f && f.streamId().equals(stream))
                .map(i -> ((VideoFrame) i).seq())
                .toList();
    }

    private static OneInputStreamOperatorTestHarness<StreamItem, StreamItem> harness(
            Map<String, Sampling> rules) throws Exception {
        return harness(rules, null);
    }

    private static OneInputStreamOperatorTestHarness<StreamItem, StreamItem> harness(
            Map<String, Sampling> rules, OperatorSubtaskState restore) throws Exception {
        var h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new SamplingFunction(rules)),
                        StreamItemSerializer.INSTANCE);
        h.setup(StreamItemSerializer.INSTANCE);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    private static VideoFrame frame(String stream, long seq, long ptsMicros) {
        return new VideoFrame(
                stream,
                seq,
                ptsMicros,
                ptsMicros / 1000,
                TimeSource.MEDIA,
                1,
                1,
                false,
                new byte[3]);
    }
}
