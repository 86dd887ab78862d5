package io.frameflow.operators.stage;

import io.frameflow.common.StagedFrame;

/** What became of one frame of a batch in one stage. */
sealed interface StageOutcome {

    /** The model accepted the frame; {@code frame} carries the stage's results. */
    record Passed(StagedFrame frame) implements StageOutcome {}

    /** The model failed on this frame even when it was run on its own. */
    record Rejected(String reason, RuntimeException error) implements StageOutcome {}
}
