package io.frameflow.operators.detect;

import io.frameflow.common.Detection;
import java.util.List;

/** What became of one frame of a batch: the model's detections, or why the model rejected it. */
sealed interface FrameOutcome {

    /** The model accepted the frame; {@code detections} are best score first. */
    record Detected(List<Detection> detections) implements FrameOutcome {}

    /** The model failed on this frame even when it was run on its own. */
    record Rejected(String reason, RuntimeException error) implements FrameOutcome {}
}
