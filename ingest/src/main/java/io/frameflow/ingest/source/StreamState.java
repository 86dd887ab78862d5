package io.frameflow.ingest.source;

/**
 * Where a stream is in its life, as the {@value VideoStreamMetrics#STATE} gauge shows it: the gauge
 * holds {@link #code()}, which never changes for a state.
 */
public enum StreamState {
    /** Opening the stream: connecting, probing, waiting for the first frame. Code 0. */
    CONNECTING(0),
    /** Delivering frames. Code 1. */
    LIVE(1),
    /** Connected, but no frame for the stall timeout; about to reconnect. Code 2. */
    STALLED(2),
    /** Lost or never reached; waiting before the next attempt. Code 3. */
    BACKING_OFF(3),
    /** Given up after too many failed attempts in a row, or a file that cannot be read. Code 4. */
    FAILED(4),
    /** Ended on its own: a file at its end, or a frame limit reached. Code 5. */
    FINISHED(5);

    private final int code;

    StreamState(int code) {
        this.code = code;
    }

    /** The gauge value of this state. */
    public int code() {
        return code;
    }

    /** True for the states a stream never leaves. */
    public boolean isFinal() {
        return this == FAILED || this == FINISHED;
    }
}
