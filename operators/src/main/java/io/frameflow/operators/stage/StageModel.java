package io.frameflow.operators.stage;

import io.frameflow.common.StagedFrame;
import java.util.List;

/**
 * One model stage's work on a batch of frames, on the task thread: runs the stage's predictor and
 * folds its results into the frames. Owns the predictor; closed when the operator closes.
 */
interface StageModel extends AutoCloseable {

    /** The model, as {@code name@version}. */
    String modelId();

    /**
     * The frames after this stage, one per input frame, in input order.
     *
     * @throws RuntimeException when the model fails on the batch or returns something invalid; the
     *     caller then retries the frames one by one to find the bad ones
     */
    List<StagedFrame> run(List<StagedFrame> frames);

    @Override
    void close();
}
