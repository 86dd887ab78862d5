package io.frameflow.operators.stage;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StagedFrame;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.operators.DeadLetterOutput;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.batch.FrameBatch;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * One model stage (restore, segment or detect) of a chain: batches the frames of all the streams
 * its subtask reads, runs its model on each batch, and hands the frames on in arrival order, by
 * reference, with its results added. A stage in the middle of a chain emits {@link StagedFrame}s;
 * the last one emits one {@link FrameResult} per frame.
 *
 * <p>A batch runs when it is full, when {@link BatchOptions#maxDelay()} has passed since its first
 * frame, before every checkpoint barrier and at the end of input. Flink calls those hooks on the
 * chained operators from the head to the tail, so an earlier stage's flush lands in the next
 * stage's batch before that one flushes: no frame is ever held in state (the operator has none).
 * Watermarks that arrive while frames wait are held back until those frames are out, so that no
 * result becomes late behind its own watermark.
 *
 * <p>Dead letters from the source go to {@link DeadLetterOutput#TAG} of the first stage. Frames the
 * model rejects become non-fatal dead letters whose stage is this stage's {@link
 * ModelStage#name()}; a model that rejects every frame of {@link BatchOptions#maxFailedBatches()}
 * batches in a row fails the task.
 *
 * <p>One model per subtask, loaded in {@link #open()} and closed in {@link #close()}, which Flink
 * calls on failure as well. Built by {@link ModelStageOperatorFactory}.
 */
public final class ModelStageOperator<OUT> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<StreamItem, OUT>, BoundedOneInput {

    /**
     * Name of the job accumulator (a {@code LongCounter}) that counts the frame results emitted by
     * the last stage of the chain; the command line polls it to show progress.
     */
    public static final String FRAMES_ANALYSED_ACCUMULATOR = "frameflow-frames-analysed";

    private static final long serialVersionUID = 1L;

    private final ModelStage stage;
    private final boolean last;
    private final boolean annotate;

    private transient FrameBatch<StagedFrame> batch;
    private transient BatchRunner runner;
    private transient StageMetrics metrics;
    private transient StreamRecord<Object> outRecord;
    private transient ScheduledFuture<?> deadline;
    private transient long batchNumber;
    private transient Watermark heldWatermark;

    ModelStageOperator(
            StreamOperatorParameters<OUT> parameters,
            ModelStage stage,
            boolean last,
            boolean annotate) {
        super(parameters);
        this.stage = Objects.requireNonNull(stage, "stage");
        this.last = last;
        this.annotate = annotate;
    }

    @Override
    public void open() throws Exception {
        super.open();
        batch = new FrameBatch<>(stage.batch().maxBatchSize());
        outRecord = new StreamRecord<>(null);
        metrics =
                StageMetrics.register(getMetricGroup(), getRuntimeContext(), this::buffered, last);
        // Last, so that nothing after it can fail and leave the model without an owner.
        runner = new BatchRunner(stage.open(taskName()), stage.batch().maxFailedBatches());
        LOG.info(
                "{} ({} stage '{}') runs model {} on batches of up to {} frames, waiting at most {}"
                        + " ms",
                taskName(),
                stage.kind(),
                stage.name(),
                runner.modelId(),
                stage.batch().maxBatchSize(),
                stage.batch().maxDelayMillis());
    }

    @Override
    public void processElement(StreamRecord<StreamItem> element) throws Exception {
        StreamItem item = element.getValue();
        if (item instanceof VideoFrame frame) {
            addFrame(StagedFrame.of(frame), element);
        } else if (item instanceof StagedFrame staged) {
            addFrame(staged, element);
        } else if (item instanceof DeadLetter deadLetter) {
            metrics.deadLetter();
            output.collect(DeadLetterOutput.TAG, element.replace(deadLetter));
        } else {
            throw new IllegalArgumentException(
                    "unexpected stream item " + item + " in " + taskName());
        }
    }

    private void addFrame(StagedFrame frame, StreamRecord<StreamItem> element) throws Exception {
        metrics.frameIn();
        batch.add(frame, element);
        BatchOptions options = stage.batch();
        if (batch.isFull() || options.maxDelay().isZero()) {
            runBatch();
        } else if (batch.size() == 1) {
            long number = batchNumber;
            long now = getProcessingTimeService().getCurrentProcessingTime();
            deadline =
                    getProcessingTimeService()
                            .registerTimer(
                                    now + options.maxDelayMillis(), time -> onDeadline(number));
        }
    }

    private void onDeadline(long number) throws Exception {
        // A timer whose batch already ran (full, barrier) may still fire: it must not cut short
        // the batch that is filling now.
        if (number == batchNumber && !batch.isEmpty()) {
            runBatch();
        }
    }

    /** Runs the waiting frames through the model and emits them and their dead letters. */
    private void runBatch() throws Exception {
        if (!batch.isEmpty()) {
            cancelDeadline();
            batchNumber++;
            long start = System.nanoTime();
            List<StageOutcome> outcomes = runner.run(batch.frames());
            metrics.batchRun(batch.size(), System.nanoTime() - start);
            for (int i = 0; i < outcomes.size(); i++) {
                emit(i, outcomes.get(i));
            }
            batch.clear();
        }
        releaseHeldWatermark();
    }

    @SuppressWarnings("unchecked")
    private void emit(int index, StageOutcome outcome) {
        if (outcome instanceof StageOutcome.Passed passed) {
            if (last) {
                FrameResult result = FrameResult.of(passed.frame());
                outRecord.replace(result);
                if (annotate) {
                    // the source frame by reference: the annotated output is chained to this task
                    output.collect(
                            ModelStages.ANNOTATED,
                            batch.stamp(
                                    index,
                                    new StreamRecord<>(
                                            new AnnotatedFrame(passed.frame().source(), result))));
                }
            } else {
                outRecord.replace(passed.frame());
            }
            output.collect((StreamRecord<OUT>) (StreamRecord<?>) batch.stamp(index, outRecord));
            metrics.resultOut();
        } else if (outcome instanceof StageOutcome.Rejected rejected) {
            VideoFrame frame = batch.frame(index).source();
            DeadLetter deadLetter =
                    new DeadLetter(
                            frame.streamId(),
                            frame.seq(),
                            stage.name(),
                            rejected.reason(),
                            false,
                            getProcessingTimeService().getCurrentProcessingTime());
            output.collect(
                    DeadLetterOutput.TAG, batch.stamp(index, new StreamRecord<>(deadLetter)));
            metrics.frameRejected();
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void releaseHeldWatermark() throws Exception {
        if (heldWatermark != null) {
            Watermark mark = heldWatermark;
            heldWatermark = null;
            super.processWatermark(mark);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (batch.isEmpty()) {
            super.processWatermark(mark);
        } else {
            heldWatermark = mark;
        }
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        // While this input is idle, downstream ignores its watermarks; frames still waiting would
        // then arrive behind watermarks advanced by other inputs. Let them out first.
        runBatch();
        super.processWatermarkStatus(status);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        runBatch();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void endInput() throws Exception {
        runBatch();
    }

    @Override
    public void finish() throws Exception {
        runBatch();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        try {
            cancelDeadline();
            if (batch != null) {
                // On failure the waiting frames are dropped here; the source replays them from
                // the last checkpoint, which none of them is part of.
                batch.clear();
            }
        } finally {
            try {
                if (runner != null) {
                    runner.close();
                    runner = null;
                }
            } finally {
                super.close();
            }
        }
    }

    private int buffered() {
        return batch == null ? 0 : batch.size();
    }

    private String taskName() {
        return getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks();
    }
}
