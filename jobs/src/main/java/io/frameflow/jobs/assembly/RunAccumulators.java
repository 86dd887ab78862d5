package io.frameflow.jobs.assembly;

import io.frameflow.operators.stage.ModelStageOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Names of the accumulators a FrameFlow job keeps, which the command line reads. */
public final class RunAccumulators {
    /** Frames the detection stage produced a result for (a {@code Long}). */
    public static final String FRAMES_ANALYSED = ModelStageOperator.FRAMES_ANALYSED_ACCUMULATOR;

    /** Number of dead letters (a {@code Long}). */
    public static final String DEAD_LETTERS = "frameflow-dead-letters";

    /** One line per stream that stopped, from {@code DeadLetter#describe()} (a list). */
    public static final String FAILED_STREAMS = "frameflow-failed-streams";

    private RunAccumulators() {}

    /** The failed-stream lines among a job's accumulators (empty if none). */
    public static List<String> failedStreams(Map<String, Object> accumulators) {
        List<String> lines = new ArrayList<>();
        if (accumulators.get(FAILED_STREAMS) instanceof List<?> values) {
            values.forEach(v -> lines.add(String.valueOf(v)));
        }
        return lines;
    }
}
