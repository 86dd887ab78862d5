package io.frameflow.ingest.source;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.ffmpeg.DecodeEvent;
import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import io.frameflow.ingest.ffmpeg.DecodeEvent.RejectedPacket;
import io.frameflow.ingest.ffmpeg.FFmpegDecoder;
import io.frameflow.ingest.ffmpeg.FFmpegException;
import io.frameflow.ingest.ffmpeg.FFmpegStalledException;
import io.frameflow.ingest.ffmpeg.StreamInfo;
import io.frameflow.ingest.uri.StreamUri;
import io.frameflow.ingest.uri.UriRedactor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one live stream on its own thread into a {@link LatestFrameBuffer}, for as long as the
 * job runs: a stream that cannot be opened, ends, fails or stalls is closed and opened again after
 * a {@link ReconnectBackoff} wait, until {@link LiveStreamOptions#maxAttempts()} attempts in a row
 * have failed (then it is {@link StreamState#FAILED}, with one fatal dead letter).
 *
 * <p>Sequence numbers are given at decode, so frames the buffer drops leave gaps. An outage shows
 * in them too: the first frame after a reconnect is numbered as if the stream had gone on at its
 * frame rate meanwhile (the time since the last frame divided by the frame duration), and its PTS
 * moves on by as many frame durations, so both stay strictly increasing across connections.
 *
 * <p>{@link #close()} aborts a blocked open or read and a backoff wait at once.
 */
final class LiveStreamRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStreamRunner.class);
    static final long JOIN_MILLIS = 10_000;
    private static final long DEFAULT_FRAME_MICROS = 40_000;

    private final VideoStreamSpec stream;
    private final StreamUri uri;
    private final LiveStreamOptions live;
    private final StreamStatus status;
    private final LatestFrameBuffer buffer;
    private final ReconnectBackoff backoff;
    private final LongSupplier wallClock;
    private final LongSupplier nanoClock;
    private final Object sleepLock = new Object();
    private final Thread thread;
    private volatile boolean closed;
    private volatile FFmpegDecoder decoder;
    // keyframes-only: frames the decoders of this stream discarded undecoded, all connections
    private final AtomicLong discardedFrames = new AtomicLong();
    private long discardedBefore;

    // used by the decode thread only
    private long seq;
    private long lastPts;
    private long lastFrameNanos = -1;
    private long frameMicros = DEFAULT_FRAME_MICROS;
    private long ptsShift;
    private long liveSinceNanos;
    private boolean firstOfConnection;
    private int consecutiveRejects;

    LiveStreamRunner(
            VideoSplit split,
            StreamStatus status,
            LongSupplier wallClock,
            LongSupplier nanoClock,
            RandomGenerator random) {
        this.stream = split.stream();
        this.uri = stream.streamUri();
        this.live = stream.live();
        this.status = status;
        this.buffer = new LatestFrameBuffer(live.buffer(), status);
        this.backoff = new ReconnectBackoff(live, random);
        this.wallClock = wallClock;
        this.nanoClock = nanoClock;
        this.seq = split.position().nextSeq();
        this.lastPts = split.position().lastPtsMicros();
        this.thread = new Thread(this::run, "frameflow-live-" + stream.id());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    LatestFrameBuffer buffer() {
        return buffer;
    }

    /** Frames discarded undecoded so far because the stream reads key frames only. */
    long discardedFrames() {
        return discardedFrames.get();
    }

    private record Failure(String stage, String reason, boolean stalled) {}

    private void run() {
        try {
            loop();
        } catch (RuntimeException e) {
            // the thread ends here: the stream fails alone, the job and the other streams go on
            LOG.error("stream '{}' ({}) failed", stream.id(), uri.redacted(), e);
            status.moveTo(StreamState.FAILED, UriRedactor.redact(e.toString()));
            buffer.put(deadLetter("live", "unexpected error: " + e, true));
        } finally {
            buffer.end();
        }
    }

    private void loop() {
        while (!closed) {
            if (reachedLimit()) {
                status.moveTo(StreamState.FINISHED, "frame limit " + stream.maxFrames());
                return;
            }
            Failure f = connectAndDecode();
            if (f == null) {
                return;
            }
            Duration wait = backoff.failed();
            if (backoff.exhausted()) {
                String reason =
                        backoff.failures() == 1
                                ? f.reason()
                                : f.reason()
                                        + "; gave up after "
                                        + backoff.failures()
                                        + " failed attempts in a row";
                status.moveTo(StreamState.FAILED, UriRedactor.redact(reason));
                buffer.put(deadLetter(f.stage(), reason, true));
                return;
            }
            String next = "reconnecting in " + wait.toMillis() + " ms";
            if (f.stalled()) {
                status.moveTo(StreamState.STALLED, UriRedactor.redact(f.reason()));
            }
            status.moveTo(StreamState.BACKING_OFF, UriRedactor.redact(f.reason()) + "; " + next);
            // after the state, so that whoever sees the dead letter sees BACKING_OFF too
            buffer.put(deadLetter(f.stage(), f.reason() + "; " + next, false));
            if (!sleep(wait)) {
                return;
            }
            status.reconnecting();
            LOG.info(
                    "stream '{}' ({}): reconnecting (attempt {} after {} failed in a row)",
                    stream.id(),
                    uri.redacted(),
                    backoff.failures() + 1,
                    backoff.failures());
        }
    }

    /** One connection, to its end: the failure that ended it, or null when closed or finished. */
    private Failure connectAndDecode() {
        status.moveTo(StreamState.CONNECTING, null);
        FFmpegDecoder d = new FFmpegDecoder(uri, stream.options());
        decoder = d;
        if (closed) {
            d.interrupt();
        }
        try {
            StreamInfo info;
            try {
                info = d.open();
            } catch (FFmpegException e) {
                return closed ? null : new Failure("open", e.getMessage(), false);
            }
            LOG.info("stream '{}' opened {}: {}", stream.id(), uri.redacted(), info.describe());
            info.frameRate().ifPresent(fps -> frameMicros = Math.max(1, Math.round(1e6 / fps)));
            d.watchFrames(live.stallTimeout());
            firstOfConnection = true;
            consecutiveRejects = 0;
            return decode(d);
        } finally {
            discardedBefore += d.discardedFrames();
            discardedFrames.set(discardedBefore);
            decoder = null;
            d.close();
        }
    }

    private Failure decode(FFmpegDecoder d) {
        while (true) {
            DecodeEvent event;
            try {
                event = d.next();
            } catch (FFmpegStalledException e) {
                return closed ? null : new Failure("stall", e.getMessage(), true);
            } catch (FFmpegException e) {
                return closed ? null : new Failure("read", e.getMessage(), false);
            }
            if (event == DecodeEvent.Signal.INTERRUPTED) {
                if (closed) {
                    return null;
                }
                d.clearInterrupt();
            } else if (event == DecodeEvent.Signal.END_OF_STREAM) {
                return new Failure("read", "the stream " + uri.redacted() + " ended", false);
            } else if (event instanceof RejectedPacket rejected) {
                if (++consecutiveRejects >= stream.options().maxConsecutiveErrors()) {
                    return new Failure(
                            "decode",
                            "the decoder rejected "
                                    + consecutiveRejects
                                    + " packets in a row; the last: "
                                    + rejected.reason(),
                            false);
                }
                buffer.put(
                        new DeadLetter(
                                stream.id(),
                                seq,
                                "decode",
                                UriRedactor.redact(rejected.reason()),
                                false,
                                wallClock.getAsLong()));
            } else {
                consecutiveRejects = 0;
                discardedFrames.set(discardedBefore + d.discardedFrames());
                VideoFrame frame = toVideoFrame((DecodedFrame) event);
                // an outage can number the next frame past the limit: then it is not emitted
                if (!stream.hasMaxFrames() || frame.seq() < stream.maxFrames()) {
                    buffer.put(frame);
                }
                if (reachedLimit()) {
                    status.moveTo(StreamState.FINISHED, "frame limit " + stream.maxFrames());
                    return null;
                }
            }
        }
    }

    private VideoFrame toVideoFrame(DecodedFrame frame) {
        long now = nanoClock.getAsLong();
        if (firstOfConnection) {
            firstOfConnection = false;
            startTimeline(frame, now);
            liveSinceNanos = now;
            status.moveTo(StreamState.LIVE, "frame " + seq);
        }
        if (now - liveSinceNanos >= live.resetAfter().toNanos()) {
            backoff.reset();
        }
        long pts = frame.ptsMicros() + ptsShift;
        lastPts = pts;
        lastFrameNanos = now;
        // the sender's clock maps the frame's own PTS, not the renumbered one
        CaptureTime capture = CaptureTime.of(false, frame.ptsMicros(), frame, wallClock);
        return new VideoFrame(
                stream.id(),
                seq++,
                pts,
                capture.millis(),
                capture.source(),
                frame.width(),
                frame.height(),
                frame.damaged(),
                frame.bgr());
    }

    /**
     * Numbers the first frame of a connection: after an outage as if the stream had gone on at its
     * frame rate; after a restore right after the checkpointed frame; otherwise from its own PTS.
     */
    private void startTimeline(DecodedFrame frame, long now) {
        if (lastFrameNanos >= 0) {
            long slots = Math.max(1, Math.round((now - lastFrameNanos) / (frameMicros * 1000.0)));
            seq += slots - 1;
            ptsShift = lastPts + slots * frameMicros - frame.ptsMicros();
        } else if (lastPts != VideoStreamPosition.NO_PTS) {
            ptsShift = lastPts + frameMicros - frame.ptsMicros();
        } else {
            ptsShift = 0;
        }
    }

    private boolean reachedLimit() {
        return stream.hasMaxFrames() && seq >= stream.maxFrames();
    }

    private DeadLetter deadLetter(String stage, String reason, boolean fatal) {
        return new DeadLetter(
                stream.id(),
                DeadLetter.WHOLE_STREAM,
                stage,
                UriRedactor.redact(reason),
                fatal,
                wallClock.getAsLong());
    }

    /** Waits {@code d}; false when {@link #close()} cut it short. */
    private boolean sleep(Duration d) {
        long deadline = nanoClock.getAsLong() + d.toNanos();
        synchronized (sleepLock) {
            while (!closed) {
                long left = deadline - nanoClock.getAsLong();
                if (left <= 0) {
                    return true;
                }
                try {
                    sleepLock.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Stops the decode thread: aborts a blocked open or read, or the wait, and joins it. */
    @Override
    public void close() {
        closed = true;
        FFmpegDecoder d = decoder;
        if (d != null) {
            d.interrupt();
        }
        synchronized (sleepLock) {
            sleepLock.notifyAll();
        }
        buffer.wakeUp();
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn(
                    "stream '{}' ({}): the decode thread did not stop within {} ms",
                    stream.id(),
                    uri.redacted(),
                    JOIN_MILLIS);
        }
    }
}
