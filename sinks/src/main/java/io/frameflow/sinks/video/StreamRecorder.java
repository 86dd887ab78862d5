package io.frameflow.sinks.video;

import io.frameflow.common.FrameResult;
import io.frameflow.common.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video of one stream: draws each frame's result on a copy of the picture and appends it to the
 * stream's current file, rolling to a new file when the segment is full, the picture size changes
 * or the frame numbers go backwards.
 *
 * <p>Frame placement: a frame is shown at its presentation time, rounded to the file's frame rate.
 * Gaps in the frame numbers leave gaps in time (the player holds the last picture). A frame whose
 * time rounds onto the slot of the frame before it is left out and counted (it came faster than the
 * file's rate); a frame whose timestamp does not advance at all is put in the next slot, so broken
 * timestamps cannot hide frames.
 *
 * <p>Without a fixed rate, the stream's first frame waits (as an annotated copy) until the second
 * one arrives: their frame numbers and timestamps give the rate.
 */
final class StreamRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(StreamRecorder.class);

    // rates that cameras and files really use; an estimate within 1 % is taken to be one of them
    private static final double[] COMMON_RATES = {
        5, 10, 12, 12.5, 15, 20, 24000 / 1001.0, 24, 25, 30000 / 1001.0, 30, 50, 60000 / 1001.0, 60
    };

    private final String streamId;
    private final Path dir;
    private final VideoSinkOptions options;
    private final FrameAnnotator annotator;
    private final VideoSinkMetrics metrics;
    private final long segmentMicros;

    /** The stream's frame rate; 0 until known. */
    private double fps;

    private byte[] canvas = new byte[0];
    private Held held;
    private Segment segment;
    private long lastSeq = -1;
    private boolean cleaned;
    private long lastFrameMillis;

    StreamRecorder(
            String streamId,
            Path dir,
            VideoSinkOptions options,
            FrameAnnotator annotator,
            VideoSinkMetrics metrics) {
        this.streamId = streamId;
        this.dir = dir;
        this.options = options;
        this.annotator = annotator;
        this.metrics = metrics;
        this.segmentMicros = options.segment().toNanos() / 1000;
        this.fps = options.fps();
    }

    /** Draws {@code result} on a copy of {@code frame} and appends it to the stream's video. */
    void write(VideoFrame frame, FrameResult result, long nowMillis) throws VideoSinkException {
        lastFrameMillis = nowMillis;
        int w = frame.width();
        int h = frame.height();
        boolean backwards = frame.seq() <= lastSeq;
        lastSeq = frame.seq();
        if (backwards || (segment != null && !segment.fits(w, h))) {
            finishSegment();
        }
        if (held != null && (backwards || held.width != w || held.height != h)) {
            // no second frame to measure the rate against: the first goes alone
            finishSegment();
        }
        int size = w * h * 3;
        if (canvas.length < size) {
            canvas = new byte[size];
        }
        annotator.annotate(frame, result, canvas);
        if (fps == 0) {
            if (held == null) {
                held = new Held(Arrays.copyOf(canvas, size), frame.seq(), frame.ptsMicros(), w, h);
                return;
            }
            fps = estimateFps(held.seq, held.ptsMicros, frame.seq(), frame.ptsMicros());
            writeHeld(fps);
        }
        append(canvas, frame.seq(), frame.ptsMicros(), w, h, fps);
    }

    /** Whether a file is open (or a frame waits) and no frame came for {@code timeoutMillis}. */
    boolean idle(long nowMillis, long timeoutMillis) {
        return (segment != null || held != null) && nowMillis - lastFrameMillis >= timeoutMillis;
    }

    /** The stream's frame rate, 0 while unknown. */
    double fps() {
        return fps;
    }

    /**
     * Completes the current file (writing a waiting first frame, at {@value
     * VideoSinkOptions#FALLBACK_FPS} fps when the rate is still unknown) and renames it.
     */
    void finishSegment() throws VideoSinkException {
        if (held != null) {
            writeHeld(fps > 0 ? fps : VideoSinkOptions.FALLBACK_FPS);
        }
        if (segment == null) {
            return;
        }
        Segment s = segment;
        segment = null;
        try {
            s.encoder.finish();
        } catch (IOException e) {
            throw abandon(s, "cannot complete the video file of stream '" + streamId + "'", e);
        }
        s.encoder.close();
        Path done;
        try {
            done = SegmentFiles.commit(s.encoder.file(), streamId, s.firstSeq);
        } catch (IOException e) {
            throw new VideoSinkException(
                    "video sink: cannot rename the complete video file "
                            + s.encoder.file()
                            + " of stream '"
                            + streamId
                            + "': "
                            + e,
                    e);
        }
        metrics.segmentClosed(s.encoder.bytesWritten());
        LOG.info(
                "video of stream '{}' from frame {} closed: {} ({} frames, {} kB)",
                streamId,
                s.firstSeq,
                done,
                s.frames,
                s.encoder.bytesWritten() / 1024);
    }

    private void writeHeld(double rate) throws VideoSinkException {
        Held first = held;
        held = null;
        append(first.pixels, first.seq, first.ptsMicros, first.width, first.height, rate);
    }

    private void append(byte[] pixels, long seq, long ptsMicros, int w, int h, double rate)
            throws VideoSinkException {
        if (segment == null) {
            segment = open(seq, ptsMicros, w, h, rate);
        }
        long slot = segment.slotOf(ptsMicros);
        if (slot * 1e6 / segment.fps >= segmentMicros) {
            finishSegment();
            segment = open(seq, ptsMicros, w, h, rate);
            slot = 0;
        }
        if (slot <= segment.lastSlot) {
            if (ptsMicros > segment.lastPts) {
                metrics.framesDropped.inc();
                return;
            }
            // the timestamp did not advance: count time from here on as if it had
            slot = segment.lastSlot + 1;
            segment.rebase(ptsMicros, slot);
        }
        try {
            segment.encoder.write(pixels, slot);
        } catch (IOException e) {
            Segment s = segment;
            segment = null;
            throw abandon(
                    s, "cannot write frame " + seq + " of stream '" + streamId + "' to video", e);
        }
        segment.lastSlot = slot;
        segment.lastPts = ptsMicros;
        segment.frames++;
        metrics.frameWritten();
    }

    private Segment open(long seq, long ptsMicros, int w, int h, double rate)
            throws VideoSinkException {
        Path file = dir.resolve(SegmentFiles.inProgressName(streamId, seq));
        try {
            Files.createDirectories(dir);
            if (!cleaned) {
                cleaned = true;
                int removed = SegmentFiles.removeAbandoned(dir);
                if (removed > 0) {
                    LOG.info(
                            "video of stream '{}': deleted {} unfinished file(s) of an earlier"
                                    + " attempt in {}",
                            streamId,
                            removed,
                            dir);
                }
            }
        } catch (IOException e) {
            throw new VideoSinkException(
                    "video sink: cannot prepare the directory "
                            + dir
                            + " of stream '"
                            + streamId
                            + "': "
                            + e,
                    e);
        }
        Mp4Encoder encoder = new Mp4Encoder(file);
        try {
            long bitrate = options.bitrateFor(w, h, rate);
            int gop = (int) Math.max(1, Math.round(rate * 2));
            encoder.open(w, h, rate, options.codec(), bitrate, gop);
        } catch (IOException e) {
            throw abandon(
                    new Segment(encoder, seq, ptsMicros, w, h, rate),
                    "cannot start a video file for stream '" + streamId + "' at frame " + seq,
                    e);
        }
        return new Segment(encoder, seq, ptsMicros, w, h, rate);
    }

    private VideoSinkException abandon(Segment s, String what, IOException cause) {
        s.encoder.close();
        metrics.segmentsAbandoned.inc();
        VideoSinkException error =
                new VideoSinkException(
                        "video sink: "
                                + what
                                + ": "
                                + cause.getMessage()
                                + "; the unfinished file "
                                + s.encoder.file()
                                + " is deleted",
                        cause);
        try {
            Files.deleteIfExists(s.encoder.file());
        } catch (IOException e) {
            error.addSuppressed(e);
        }
        return error;
    }

    /**
     * The frame rate that frames {@code seq0} and {@code seq1} at these timestamps imply, snapped
     * to a common rate within 1 %; {@value VideoSinkOptions#FALLBACK_FPS} when the timestamps say
     * nothing usable.
     */
    static double estimateFps(long seq0, long pts0, long seq1, long pts1) {
        long frames = seq1 - seq0;
        long micros = pts1 - pts0;
        if (frames <= 0 || micros <= 0) {
            return VideoSinkOptions.FALLBACK_FPS;
        }
        double rate = frames * 1e6 / micros;
        if (rate < 1 || rate > VideoSinkOptions.MAX_FPS) {
            return VideoSinkOptions.FALLBACK_FPS;
        }
        for (double common : COMMON_RATES) {
            if (Math.abs(rate - common) <= common * 0.01) {
                return common;
            }
        }
        return Math.round(rate * 100) / 100.0;
    }

    /** The first frame of a stream, drawn, waiting for the second to tell the rate. */
    private record Held(byte[] pixels, long seq, long ptsMicros, int width, int height) {}

    /** The file being written. */
    private static final class Segment {
        final Mp4Encoder encoder;
        final long firstSeq;
        final int width;
        final int height;
        final double fps;
        long basePts;
        long baseSlot;
        long lastSlot = -1;
        long lastPts = Long.MIN_VALUE;
        long frames;

        Segment(
                Mp4Encoder encoder,
                long firstSeq,
                long firstPts,
                int width,
                int height,
                double fps) {
            this.encoder = encoder;
            this.firstSeq = firstSeq;
            this.basePts = firstPts;
            this.width = width;
            this.height = height;
            this.fps = fps;
        }

        boolean fits(int w, int h) {
            return w == width && h == height;
        }

        long slotOf(long ptsMicros) {
            return baseSlot + Math.round((ptsMicros - basePts) * fps / 1e6);
        }

        /** From now on, time {@code ptsMicros} is slot {@code slot}. */
        void rebase(long ptsMicros, long slot) {
            basePts = ptsMicros;
            baseSlot = slot;
        }
    }
}
