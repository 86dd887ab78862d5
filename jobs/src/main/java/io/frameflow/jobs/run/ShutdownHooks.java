package io.frameflow.jobs.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The two halves of stopping on Ctrl-C or SIGTERM that every long-running command shares: the hook
 * waits (bounded) for the command to finish its summary, and the command removes the hook when it
 * ends on its own.
 */
public final class ShutdownHooks {
    private ShutdownHooks() {}

    /** In a hook: waits up to {@code seconds} for {@code done}; an interrupt ends the wait. */
    public static void await(CountDownLatch done, long seconds) {
        try {
            done.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes {@code hook}, unless the JVM is already shutting down and running it. */
    public static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down: the hook is running and waits for the command's summary
        }
    }
}
