package io.frameflow.sinks.retry;

import java.io.IOException;
import java.time.Duration;

/** Every attempt a {@link RetryPolicy} allowed has failed; the cause is the last failure. */
public final class RetriesExhaustedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final Duration elapsed;

    public RetriesExhaustedException(String what, int attempts, Duration elapsed, Throwable last) {
        super(
                "failed to "
                        + what
                        + " after "
                        + attempts
                        + (attempts == 1 ? " attempt" : " attempts")
                        + " in "
                        + elapsed.toMillis()
                        + " ms: "
                        + describe(last),
                last);
        this.attempts = attempts;
        this.elapsed = elapsed;
    }

    public int attempts() {
        return attempts;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /**
     * The failure's message followed by its causes' messages, e.g. {@code Unable to connect to
     * server (32103): Connection refused}: client libraries often put the useful part in a cause.
     */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (!message.equals(previous)) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(message);
            }
            previous = message;
        }
        return text.toString();
    }
}
