package io.frameflow.ingest.source;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.ffmpeg.DecodeEvent;
import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import io.frameflow.ingest.ffmpeg.DecodeEvent.RejectedPacket;
import io.frameflow.ingest.ffmpeg.FFmpegDecoder;
import io.frameflow.ingest.ffmpeg.FFmpegException;
import io.frameflow.ingest.ffmpeg.FFmpegInterruptedException;
import io.frameflow.ingest.ffmpeg.StreamInfo;
import io.frameflow.ingest.uri.StreamUri;
import io.frameflow.ingest.uri.UriRedactor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one split's stream into frames and dead letters, starting at the split's position.
 *
 * <p>A file restored from a checkpoint is reopened and decoded from its start; frames before the
 * position are decoded without pixels and dropped, and so are the dead letters already emitted. The
 * last dropped frame must have the PTS the checkpoint recorded, or the file has changed and the
 * stream fails rather than emit the wrong frames. A network stream cannot be replayed: it goes on
 * live, numbering from the checkpointed sequence number and shifting its PTS past the last one
 * emitted.
 *
 * <p>Anything that ends the stream (cannot open, cannot resume, cannot read, too many rejected
 * packets in a row) becomes one fatal {@link DeadLetter}, and the stream finishes; the job goes on.
 */
final class VideoStreamCursor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoStreamCursor.class);

    /** Frames skipped per {@link #poll()} while resuming, so that a wake-up is never far off. */
    static final int MAX_SKIPS_PER_POLL = 64;

    private final VideoStreamSpec stream;
    private final VideoStreamPosition start;
    private final StreamUri uri;
    private final LongSupplier wallClock;
    private final long resumeAt;
    private volatile FFmpegDecoder decoder;
    private volatile boolean interrupted;
    private boolean opened;
    private boolean finished;
    private long seq;
    private int deadLettersToSkip;
    private int consecutiveRejects;
    private long ptsShift;
    private boolean shiftKnown;
    private long discardedByClosedDecoders;

    VideoStreamCursor(VideoSplit split, LongSupplier wallClock) {
        this.stream = split.stream();
        this.start = split.position();
        this.uri = stream.streamUri();
        this.wallClock = wallClock;
        this.resumeAt = uri.isLocalFile() ? start.nextSeq() : 0;
        this.seq = uri.isLocalFile() ? 0 : start.nextSeq();
        this.deadLettersToSkip = uri.isLocalFile() ? start.deadLettersAtNextSeq() : 0;
        this.shiftKnown = uri.isLocalFile() || start.lastPtsMicros() == VideoStreamPosition.NO_PTS;
    }

    /**
     * Frames the decoder discarded undecoded (keyframes-only), over every decoder this cursor
     * opened. Only the polling thread may call it.
     */
    long discardedFrames() {
        FFmpegDecoder d = decoder;
        return discardedByClosedDecoders + (d == null ? 0 : d.discardedFrames());
    }

    /** True once the stream has ended, for whatever reason; {@link #poll()} returns null then. */
    boolean isFinished() {
        return finished;
    }

    /**
     * The next frame or dead letter. Null when there is nothing yet (a skip batch, an interrupted
     * read: call again) or when the stream has finished ({@link #isFinished()}).
     */
    StreamItem poll() {
        if (finished) {
            return null;
        }
        if (!opened) {
            StreamItem failure = open();
            if (!opened) {
                return failure;
            }
        }
        return decodeNext();
    }

    /** Opens the stream: a fatal dead letter when it cannot be opened, else null. */
    private StreamItem open() {
        if (stream.hasMaxFrames() && start.nextSeq() >= stream.maxFrames()) {
            finished = true;
            return null;
        }
        FFmpegDecoder d = new FFmpegDecoder(uri, stream.options());
        decoder = d;
        if (interrupted) {
            d.interrupt();
        }
        StreamInfo info;
        try {
            info = d.open();
        } catch (FFmpegInterruptedException ignored) {
            // woken up (shutdown, cancellation): not the stream's fault; the next poll reopens
            closeDecoder();
            return null;
        } catch (FFmpegException e) {
            return fail("open", e.getMessage());
        }
        opened = true;
        LOG.info(
                "stream '{}' opened {}: {}{}",
                stream.id(),
                uri.redacted(),
                info.describe(),
                start.isStart() ? "" : "; resuming at frame " + start.nextSeq());
        return null;
    }

    private StreamItem decodeNext() {
        int skipped = 0;
        while (true) {
            boolean skipping = seq < resumeAt;
            if (!skipping && stream.hasMaxFrames() && seq >= stream.maxFrames()) {
                finish();
                return null;
            }
            DecodeEvent event;
            try {
                event = skipping ? decoder.skip() : decoder.next();
            } catch (FFmpegException e) {
                return fail("read", e.getMessage());
            }
            if (event == DecodeEvent.Signal.INTERRUPTED) {
                return null;
            }
            if (event == DecodeEvent.Signal.END_OF_STREAM) {
                return ended(skipping);
            }
            StreamItem item =
                    event instanceof RejectedPacket rejected
                            ? rejected(rejected, skipping)
                            : decoded((DecodedFrame) event, skipping);
            if (item != null || finished) {
                return item;
            }
            if (skipping && event instanceof DecodedFrame && ++skipped >= MAX_SKIPS_PER_POLL) {
                return null;
            }
        }
    }

    private StreamItem ended(boolean skipping) {
        if (skipping) {
            return fail(
                    "resume",
                    "cannot resume at frame "
                            + resumeAt
                            + ": the stream ends after "
                            + seq
                            + " frames");
        }
        finish();
        return null;
    }

    /** The frame to emit; null for a frame before the resume point, which is dropped. */
    private StreamItem decoded(DecodedFrame frame, boolean skipping) {
        consecutiveRejects = 0;
        long frameSeq = seq++;
        if (!skipping) {
            return toVideoFrame(frameSeq, frame);
        }
        if (frameSeq == resumeAt - 1 && frame.ptsMicros() != start.lastPtsMicros()) {
            return fail(
                    "resume",
                    "cannot resume at frame "
                            + resumeAt
                            + ": frame "
                            + frameSeq
                            + " now has PTS "
                            + frame.ptsMicros()
                            + " µs but had "
                            + start.lastPtsMicros()
                            + " µs when checkpointed; the file has changed");
        }
        return null;
    }

    /** The dead letter for a rejected packet; null when it is dropped (already emitted). */
    private StreamItem rejected(RejectedPacket rejected, boolean skipping) {
        consecutiveRejects++;
        int max = stream.options().maxConsecutiveErrors();
        if (consecutiveRejects >= max) {
            return fail(
                    "decode",
                    "the decoder rejected "
                            + max
                            + " packets in a row; the last: "
                            + rejected.reason());
        }
        if (skipping) {
            return null;
        }
        if (seq == resumeAt && deadLettersToSkip > 0) {
            deadLettersToSkip--;
            return null;
        }
        return new DeadLetter(
                stream.id(),
                seq,
                "decode",
                UriRedactor.redact(rejected.reason()),
                false,
                wallClock.getAsLong());
    }

    private VideoFrame toVideoFrame(long frameSeq, DecodedFrame frame) {
        if (!shiftKnown) {
            // a live stream resumed after a restore starts a new timeline: move it past the old
            ptsShift = Math.max(0, start.lastPtsMicros() + 1 - frame.ptsMicros());
            shiftKnown = true;
        }
        long pts = frame.ptsMicros() + ptsShift;
        CaptureTime capture = CaptureTime.of(uri.isLocalFile(), pts, frame, wallClock);
        return new VideoFrame(
                stream.id(),
                frameSeq,
                pts,
                capture.millis(),
                capture.source(),
                frame.width(),
                frame.height(),
                frame.damaged(),
                frame.bgr());
    }

    private DeadLetter fail(String stage, String reason) {
        finish();
        return new DeadLetter(
                stream.id(),
                DeadLetter.WHOLE_STREAM,
                stage,
                UriRedactor.redact(reason),
                true,
                wallClock.getAsLong());
    }

    private void finish() {
        finished = true;
        closeDecoder();
    }

    /**
     * Makes a blocked network open or read return. A local file is never interrupted mid-read (that
     * could leave its demuxer between two halves of a packet); its reads do not block. Safe from
     * any thread.
     */
    void interrupt() {
        if (uri.isLocalFile()) {
            return;
        }
        interrupted = true;
        FFmpegDecoder d = decoder;
        if (d != null) {
            d.interrupt();
        }
    }

    /** Lets network reads block again after {@link #interrupt()}. */
    void clearInterrupt() {
        interrupted = false;
        FFmpegDecoder d = decoder;
        if (d != null) {
            d.clearInterrupt();
        }
    }

    private void closeDecoder() {
        FFmpegDecoder d = decoder;
        decoder = null;
        if (d != null) {
            discardedByClosedDecoders += d.discardedFrames();
            d.close();
        }
    }

    @Override
    public void close() {
        closeDecoder();
    }
}
