package io.frameflow.ingest.source;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.VideoFrame;

/**
 * The mutable position of one split while its reader emits it; only the task thread touches it.
 * {@link VideoRecordEmitter} advances it as each item goes out, so a checkpoint taken between two
 * items records exactly what was emitted.
 */
public final class VideoSplitState {
    private final VideoStreamSpec stream;
    private final VideoStreamMetrics metrics;
    private final boolean gapsAllowed;
    private long nextSeq;
    private long lastPtsMicros;
    private int deadLettersAtNextSeq;
    private long damagedFrames;
    private long deadLetters;
    private String failure;

    VideoSplitState(VideoSplit split, VideoStreamMetrics metrics) {
        this.stream = split.stream();
        this.metrics = metrics;
        this.gapsAllowed = !stream.streamUri().isLocalFile();
        VideoStreamPosition p = split.position();
        this.nextSeq = p.nextSeq();
        this.lastPtsMicros = p.lastPtsMicros();
        this.deadLettersAtNextSeq = p.deadLettersAtNextSeq();
        this.damagedFrames = p.damagedFrames();
        this.deadLetters = p.deadLetters();
    }

    /**
     * Records that {@code frame} was emitted.
     *
     * @throws IllegalStateException when it is not the next frame of a file, or, for a live stream
     *     (where dropped frames and outages leave gaps), when it is not after the last one:
     *     emitting it would lose or repeat frames
     */
    void frameEmitted(VideoFrame frame) {
        if (frame.seq() != nextSeq && !(gapsAllowed && frame.seq() > nextSeq)) {
            throw new IllegalStateException(
                    "stream '"
                            + stream.id()
                            + "': frame "
                            + frame.seq()
                            + " arrived where frame "
                            + nextSeq
                            + " was due");
        }
        nextSeq = frame.seq() + 1;
        lastPtsMicros = frame.ptsMicros();
        deadLettersAtNextSeq = 0;
        if (frame.damaged()) {
            damagedFrames++;
        }
        metrics.frame(frame.damaged());
    }

    /** Records that {@code deadLetter} was emitted. */
    void deadLetterEmitted(DeadLetter deadLetter) {
        deadLetters++;
        metrics.deadLetter();
        if (deadLetter.fatal()) {
            failure = deadLetter.reason();
        } else if (deadLetter.seq() == nextSeq) {
            deadLettersAtNextSeq++;
        }
    }

    VideoStreamSpec stream() {
        return stream;
    }

    VideoStreamPosition position() {
        return new VideoStreamPosition(
                nextSeq, lastPtsMicros, deadLettersAtNextSeq, damagedFrames, deadLetters);
    }

    /** The reason of the fatal dead letter that ended the stream, or null. */
    String failure() {
        return failure;
    }

    VideoSplit toSplit() {
        return new VideoSplit(stream, position());
    }
}
