package io.frameflow.operators.stage;

import io.frameflow.common.StagedFrame;
import io.frameflow.inference.api.InferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a stage's model on batches and keeps one bad frame from costing the whole batch: when a
 * batch fails, its frames are run one by one and only those that fail again are rejected. When the
 * model rejects every frame of several batches in a row, the model itself is broken, and {@link
 * #run} throws instead of quietly turning all input into dead letters.
 *
 * <p>Owns the model it is given; used by one thread at a time.
 */
final class BatchRunner implements AutoCloseable {

    private final StageModel model;
    private final int maxFailedBatches;
    private int failedBatchesInARow;

    BatchRunner(StageModel model, int maxFailedBatches) {
        this.model = Objects.requireNonNull(model, "model");
        this.maxFailedBatches = maxFailedBatches;
    }

    String modelId() {
        return model.modelId();
    }

    /**
     * One outcome per frame, in the order of {@code frames}.
     *
     * @throws InferenceException when this is the {@code maxFailedBatches}-th batch in a row in
     *     which the model failed on every frame; the message names the model and the last error
     * @throws RuntimeException what the model threw, if it failed while the thread was interrupted
     *     (the task is being cancelled)
     */
    List<StageOutcome> run(List<StagedFrame> frames) {
        if (frames.isEmpty()) {
            return List.of();
        }
        List<StageOutcome> outcomes;
        try {
            outcomes = new ArrayList<>(frames.size());
            for (StagedFrame frame : runChecked(frames)) {
                outcomes.add(new StageOutcome.Passed(frame));
            }
        } catch (RuntimeException batchError) {
            if (Thread.currentThread().isInterrupted()) {
                // The task is being cancelled: the failure is not the frames' fault.
                throw batchError;
            }
            outcomes = frames.size() == 1 ? List.of(rejected(batchError)) : runOneByOne(frames);
        }
        checkModelStillWorks(outcomes);
        return outcomes;
    }

    private List<StageOutcome> runOneByOne(List<StagedFrame> frames) {
        List<StageOutcome> outcomes = new ArrayList<>(frames.size());
        for (StagedFrame frame : frames) {
            try {
                outcomes.add(new StageOutcome.Passed(runChecked(List.of(frame)).get(0)));
            } catch (RuntimeException frameError) {
                outcomes.add(rejected(frameError));
            }
        }
        return outcomes;
    }

    private List<StagedFrame> runChecked(List<StagedFrame> frames) {
        List<StagedFrame> out = model.run(frames);
        if (out == null || out.size() != frames.size()) {
            throw new InferenceException(
                    "model "
                            + model.modelId()
                            + " returned "
                            + (out == null ? "no list" : out.size() + " results")
                            + " for a batch of "
                            + frames.size()
                            + " images");
        }
        return out;
    }

    private void checkModelStillWorks(List<StageOutcome> outcomes) {
        StageOutcome.Rejected lastRejection = null;
        for (StageOutcome outcome : outcomes) {
            if (!(outcome instanceof StageOutcome.Rejected rejected)) {
                failedBatchesInARow = 0;
                return;
            }
            lastRejection = rejected;
        }
        failedBatchesInARow++;
        if (failedBatchesInARow >= maxFailedBatches) {
            throw new InferenceException(
                    "model "
                            + model.modelId()
                            + " failed on every frame of "
                            + failedBatchesInARow
                            + " batches in a row, so the model is taken to be broken; last error: "
                            + lastRejection.reason(),
                    lastRejection.error());
        }
    }

    private static StageOutcome.Rejected rejected(RuntimeException error) {
        return new StageOutcome.Rejected(reasonOf(error), error);
    }

    /** The error's message on one line, as a dead letter wants it. */
    static String reasonOf(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void close() {
        model.close();
    }
}
