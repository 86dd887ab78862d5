package io.frameflow.sinks.retry;

import java.io.IOException;

/**
 * An operation failed on every attempt its {@link RetryPolicy} allowed. The message names the
 * owner, the operation, the number of attempts and the last failure, which is also the cause.
 */
public final class RetriesExhaustedException extends IOException {
    private final int attempts;

    public RetriesExhaustedException(String owner, String operation, int attempts, Exception last) {
        super(
                owner
                        + ": "
                        + operation
                        + " failed "
                        + attempts
                        + (attempts == 1 ? " time" : " times")
                        + ", giving up: "
                        + describe(last),
                last);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }

    /**
     * A failure in one line: its message followed by its root cause's when that says more (a
     * driver's "I/O error" wrapping "Connection refused").
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = messageOf(failure);
        if (root == failure) {
            return message;
        }
        String rootMessage = messageOf(root);
        return message.contains(rootMessage) ? message : message + " (" + rootMessage + ")";
    }

    private static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
