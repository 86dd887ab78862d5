package io.frameflow.operators.detect;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
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
 * The detection stage: runs a detector over the frames of all the streams its subtask reads,
 * batching them across streams, and emits one {@link FrameResult} per frame in arrival order.
 *
 * <p>A batch runs when it is full, when {@link BatchOptions#maxDelay()} has passed since its first
 * frame, before every checkpoint barrier and at the end of input. No frame is ever held in state:
 * the operator has none. Watermarks that arrive while frames wait are held back until those frames'
 * results are out, so that no result becomes late behind its own watermark.
 *
 * <p>Dead letters from the source pass straight to {@link DeadLetterOutput#TAG}. Frames the model
 * rejects become non-fatal dead letters of stage {@value #STAGE} there too; a model that rejects
 * every frame of {@link BatchOptions#maxFailedBatches()} batches in a row fails the task.
 *
 * <p>One predictor per subtask, created in {@link #open()} and closed in {@link #close()}, which
 * Flink calls on failure as well. Built by {@link DetectionOperatorFactory}.
 */
public final class DetectionOperator extends AbstractStreamOperator<FrameResult>
        implements OneInputStreamOperator<StreamItem, FrameResult>, BoundedOneInput {

    /**
     * Name of the job accumulator (a {@code LongCounter}) that counts the frame results emitted by
     * detection stages; the command line polls it to show progress.
     */
    public static final String FRAMES_ANALYSED_ACCUMULATOR = "frameflow-frames-analysed";

    /** {@link DeadLetter#stage()} of frames the model rejected. */
    public static final String STAGE = "detect";

    private static final long serialVersionUID = 1L;

    private final PredictorFactory<BgrImage, List<DetectedObject>> predictorFactory;
    private final BatchOptions options;

    private transient FrameBatch batch;
    private transient FrameDetector detector;
    private transient DetectionMetrics metrics;
    private transient StreamRecord<FrameResult> resultRecord;
    private transient ScheduledFuture<?> deadline;
    private transient long batchNumber;
    private transient Watermark heldWatermark;

    DetectionOperator(
            StreamOperatorParameters<FrameResult> parameters,
            PredictorFactory<BgrImage, List<DetectedObject>> predictorFactory,
            BatchOptions options) {
        super(parameters);
        this.predictorFactory = Objects.requireNonNull(predictorFactory, "predictorFactory");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void open() throws Exception {
        super.open();
        batch = new FrameBatch(options.maxBatchSize());
        resultRecord = new StreamRecord<>(null);
        metrics = DetectionMetrics.register(getMetricGroup(), getRuntimeContext(), this::buffered);
        // Last, so that nothing after it can fail and leave the predictor without an owner.
        detector = new FrameDetector(createPredictor(), options.maxFailedBatches());
        LOG.info(
                "{} runs model {} on batches of up to {} frames, waiting at most {} ms",
                taskName(),
                detector.modelId(),
                options.maxBatchSize(),
                options.maxDelayMillis());
    }

    private Predictor<BgrImage, List<DetectedObject>> createPredictor() {
        String expected = predictorFactory.modelId();
        Predictor<BgrImage, List<DetectedObject>> predictor;
        try {
            predictor = predictorFactory.create();
        } catch (RuntimeException e) {
            throw new InferenceException(
                    "failed to load model "
                            + expected
                            + " in "
                            + taskName()
                            + ": "
                            + e.getMessage(),
                    e);
        }
        if (!expected.equals(predictor.modelId())) {
            predictor.close();
            // Results are identified by (stream, seq, model): a wrong model id would corrupt them.
            throw new IllegalStateException(
                    "predictor factory for model "
                            + expected
                            + " created a predictor for model "
                            + predictor.modelId());
        }
        return predictor;
    }

    @Override
    public void processElement(StreamRecord<StreamItem> element) throws Exception {
        StreamItem item = element.getValue();
        if (item instanceof VideoFrame frame) {
            addFrame(frame, element);
        } else if (item instanceof DeadLetter deadLetter) {
            metrics.deadLetter();
            output.collect(DeadLetterOutput.TAG, element.replace(deadLetter));
        } else {
            throw new IllegalArgumentException(
                    "unexpected stream item " + item + " in " + taskName());
        }
    }

    private void addFrame(VideoFrame frame, StreamRecord<StreamItem> element) throws Exception {
        metrics.frameIn();
        batch.add(frame, element);
        if (batch.isFull() || options.maxDelay().isZero()) {
            runBatch();
        } else if (batch.size() == 1) {
            long number = batchNumber;
            long due = getProcessingTimeService().getCurrentProcessingTime();
            deadline =
                    getProcessingTimeService()
                            .registerTimer(
                                    due + options.maxDelayMillis(), time -> onDeadline(number));
        }
    }

    private void onDeadline(long number) throws Exception {
        // A timer whose batch already ran (full, barrier) may still fire: it must not cut short
        // the batch that is filling now.
        if (number == batchNumber && !batch.isEmpty()) {
            runBatch();
        }
    }

    /** Runs the waiting frames through the model and emits their results and dead letters. */
    private void runBatch() throws Exception {
        if (!batch.isEmpty()) {
            cancelDeadline();
            batchNumber++;
            long start = System.nanoTime();
            List<FrameOutcome> outcomes = detector.detect(batch.frames());
            metrics.batchRun(batch.size(), System.nanoTime() - start);
            for (int i = 0; i < outcomes.size(); i++) {
                emit(i, outcomes.get(i));
            }
            batch.clear();
        }
        releaseHeldWatermark();
    }

    private void emit(int index, FrameOutcome outcome) {
        VideoFrame frame = batch.frame(index);
        if (outcome instanceof FrameOutcome.Detected detected) {
            resultRecord.replace(FrameResult.of(frame, detector.modelId(), detected.detections()));
            output.collect(batch.stamp(index, resultRecord));
            metrics.resultOut();
        } else if (outcome instanceof FrameOutcome.Rejected rejected) {
            DeadLetter deadLetter =
                    new DeadLetter(
                            frame.streamId(),
                            frame.seq(),
                            STAGE,
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
                if (detector != null) {
                    detector.close();
                    detector = null;
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
