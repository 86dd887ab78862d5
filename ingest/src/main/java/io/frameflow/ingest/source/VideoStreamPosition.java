package io.frameflow.ingest.source;

/**
 * How far a stream has been emitted: what a checkpoint stores so that a restored job neither loses
 * nor repeats frames.
 *
 * @param nextSeq the sequence number of the next frame to emit (= frames emitted so far)
 * @param lastPtsMicros PTS of the last frame emitted, or {@link #NO_PTS} before the first; a
 *     restored file checks its resume point against it
 * @param deadLettersAtNextSeq non-fatal dead letters already emitted after the last frame (they
 *     carry seq {@code nextSeq}); a restored file skips that many again
 * @param damagedFrames frames emitted with {@code damaged = true}, in total
 * @param deadLetters dead letters emitted, in total
 */
public record VideoStreamPosition(
        long nextSeq,
        long lastPtsMicros,
        int deadLettersAtNextSeq,
        long damagedFrames,
        long deadLetters) {

    /** {@link #lastPtsMicros()} before the first frame. */
    public static final long NO_PTS = Long.MIN_VALUE;

    /** The position of a stream that has emitted nothing. */
    public static final VideoStreamPosition START = new VideoStreamPosition(0, NO_PTS, 0, 0, 0);

    public VideoStreamPosition {
        if (nextSeq < 0 || deadLettersAtNextSeq < 0 || damagedFrames < 0 || deadLetters < 0) {
            throw new IllegalArgumentException(
                    "position counts must be >= 0, got nextSeq="
                            + nextSeq
                            + ", deadLettersAtNextSeq="
                            + deadLettersAtNextSeq
                            + ", damagedFrames="
                            + damagedFrames
                            + ", deadLetters="
                            + deadLetters);
        }
    }

    /** True when nothing has been emitted yet. */
    public boolean isStart() {
        return nextSeq == 0 && deadLettersAtNextSeq == 0;
    }
}
