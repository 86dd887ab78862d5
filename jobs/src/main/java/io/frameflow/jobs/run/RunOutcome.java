package io.frameflow.jobs.run;

import io.frameflow.jobs.assembly.LabelStats;
import java.time.Duration;
import java.util.List;

/**
 * How a run ended.
 *
 * @param state finished by itself, stopped on request, or failed
 * @param stats counts over the analysed frames
 * @param deadLetters number of dead letters
 * @param failedStreams one line per stream that stopped because of an error
 * @param elapsed wall-clock time of the job
 * @param failure why the job failed (only for {@link State#FAILED})
 */
public record RunOutcome(
        State state,
        LabelStats stats,
        long deadLetters,
        List<String> failedStreams,
        Duration elapsed,
        Throwable failure) {

    /** How the job ended. */
    public enum State {
        FINISHED,
        STOPPED,
        FAILED
    }

    /** Process exit status: 0 all well, 1 the job failed, 3 some stream stopped with an error. */
    public int exitCode() {
        if (state == State.FAILED) {
            return 1;
        }
        return failedStreams.isEmpty() ? 0 : 3;
    }
}
