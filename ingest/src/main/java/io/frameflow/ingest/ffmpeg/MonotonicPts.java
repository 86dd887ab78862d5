package io.frameflow.ingest.ffmpeg;

/**
 * Makes presentation timestamps strictly increasing, so that downstream code can order, window and
 * deduplicate frames by PTS.
 *
 * <p>The rule: a frame keeps its own timestamp when it has one and it is later than the previous
 * frame's; otherwise it gets the previous frame's timestamp plus one nominal frame duration. The
 * first frame without a timestamp gets 0. Some AVI files have packets without timestamps (FFmpeg
 * then guesses, and the last frame of a drained decoder can come out with none, which JavaCV
 * reported as 0); some cameras repeat or step back timestamps. The rule only depends on the frames
 * before, so decoding the same file again gives the same timestamps: a restored job relies on that
 * to check its resume point.
 */
final class MonotonicPts {
    /** Marks a frame without a timestamp. */
    static final long NONE = Long.MIN_VALUE;

    private final long frameDurationMicros;
    private long previous = NONE;

    /**
     * @param frameDurationMicros the nominal frame duration, 1 / frame rate; at least 1
     */
    MonotonicPts(long frameDurationMicros) {
        if (frameDurationMicros < 1) {
            throw new IllegalArgumentException(
                    "frame duration must be >= 1 µs, got " + frameDurationMicros);
        }
        this.frameDurationMicros = frameDurationMicros;
    }

    /** The timestamp to report for a frame whose own timestamp is {@code rawMicros} (or NONE). */
    long next(long rawMicros) {
        long pts;
        if (previous == NONE) {
            pts = rawMicros == NONE ? 0 : rawMicros;
        } else if (rawMicros != NONE && rawMicros > previous) {
            pts = rawMicros;
        } else {
            pts = previous + frameDurationMicros;
        }
        previous = pts;
        return pts;
    }

    long frameDurationMicros() {
        return frameDurationMicros;
    }
}
