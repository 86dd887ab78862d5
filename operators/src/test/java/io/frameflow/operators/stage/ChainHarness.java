package io.frameflow.operators.stage;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.FrameResultSerializer;
import io.frameflow.common.serde.StreamItemSerializer;
import io.frameflow.operators.DeadLetterOutput;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

/**
 * A chain of model stage operators in Flink's operator test harnesses: what one stage emits is
 * handed to the next, in order, and barrier and end-of-input hooks run from the head to the tail,
 * as Flink runs them in a chained task.
 */
final class ChainHarness implements AutoCloseable {

    private final List<OneInputStreamOperatorTestHarness<StreamItem, ?>> stages = new ArrayList<>();

    ChainHarness(List<ModelStage> chain) throws Exception {
        this(chain, false);
    }

    /** With {@code annotate}, the last stage also emits {@link ModelStages#ANNOTATED} frames. */
    ChainHarness(List<ModelStage> chain, boolean annotate) throws Exception {
        ModelStages.check(chain);
        for (int i = 0; i < chain.size(); i++) {
            boolean last = i == chain.size() - 1;
            OneInputStreamOperatorTestHarness<StreamItem, ?> harness =
                    last
                            ? lastHarness(chain.get(i), annotate)
                            : new OneInputStreamOperatorTestHarness<StreamItem, StreamItem>(
                                    new ModelStageOperatorFactory<StreamItem>(chain.get(i), false),
                                    StreamItemSerializer.INSTANCE);
            if (!last) {
                ((OneInputStreamOperatorTestHarness<StreamItem, StreamItem>) harness)
                        .setup(StreamItemSerializer.INSTANCE);
            }
            harness.setProcessingTime(0);
            harness.open();
            stages.add(harness);
        }
    }

    private static OneInputStreamOperatorTestHarness<StreamItem, FrameResult> lastHarness(
            ModelStage stage, boolean annotate) throws Exception {
        var harness =
                new OneInputStreamOperatorTestHarness<StreamItem, FrameResult>(
                        new ModelStageOperatorFactory<FrameResult>(stage, true, annotate),
                        StreamItemSerializer.INSTANCE);
        harness.setup(FrameResultSerializer.INSTANCE);
        return harness;
    }

    void process(StreamItem item, long timestamp) throws Exception {
        stages.get(0).processElement(item, timestamp);
        pump();
    }

    void watermark(long time) throws Exception {
        stages.get(0).processWatermark(time);
        pump();
    }

    void barrier(long checkpointId) throws Exception {
        for (var stage : stages) {
            stage.prepareSnapshotPreBarrier(checkpointId);
            pump();
        }
    }

    void endInput() throws Exception {
        for (var stage : stages) {
            stage.endInput();
            pump();
        }
    }

    /** Moves every stage's output into the next stage, head first. */
    @SuppressWarnings("unchecked")
    private void pump() throws Exception {
        for (int i = 0; i < stages.size() - 1; i++) {
            var out = stages.get(i).getOutput();
            Object next;
            while ((next = out.poll()) != null) {
                if (next instanceof StreamRecord<?> record) {
                    stages.get(i + 1).processElement((StreamRecord<StreamItem>) record);
                } else if (next instanceof Watermark mark) {
                    stages.get(i + 1).processWatermark(mark);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    List<FrameResult> results() {
        return ((OneInputStreamOperatorTestHarness<StreamItem, FrameResult>) last())
                .extractOutputValues();
    }

    /** What the last stage emitted on {@link ModelStages#ANNOTATED}, with timestamps. */
    List<StreamRecord<AnnotatedFrame>> annotated() {
        var side = last().getSideOutput(ModelStages.ANNOTATED);
        return side == null ? List.of() : new ArrayList<>(side);
    }

    /** Watermarks the last stage has emitted. */
    List<Long> watermarks() {
        List<Long> marks = new ArrayList<>();
        for (Object o : last().getOutput()) {
            if (o instanceof Watermark w) {
                marks.add(w.getTimestamp());
            }
        }
        return marks;
    }

    /** The dead letters of every stage, stage by stage. */
    List<DeadLetter> deadLetters() {
        List<DeadLetter> all = new ArrayList<>();
        for (var stage : stages) {
            var side = stage.getSideOutput(DeadLetterOutput.TAG);
            if (side != null) {
                side.forEach(r -> all.add(r.getValue()));
            }
        }
        return all;
    }

    private OneInputStreamOperatorTestHarness<StreamItem, ?> last() {
        return stages.get(stages.size() - 1);
    }

    @Override
    public void close() throws Exception {
        for (var stage : stages) {
            stage.close();
        }
    }
}
