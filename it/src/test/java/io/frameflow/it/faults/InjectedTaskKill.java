package io.frameflow.it.faults;

/**
 * What a fault test throws to kill a task. An {@link Error}, not an exception: FrameFlow's
 * operators turn exceptions about one frame into dead letters and go on (a model that fails on a
 * frame must not stop the job), so only an error takes the whole task down, as a crash would. It is
 * not one of the errors the JVM treats as fatal, so Flink restarts the task instead of stopping the
 * TaskManager.
 */
public final class InjectedTaskKill extends Error {
    private static final long serialVersionUID = 1L;

    public InjectedTaskKill(String message) {
        super(message);
    }
}
