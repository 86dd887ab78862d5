package io.frameflow.ingest.source;

import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsRemoval;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * Decodes one stream on its own fetcher thread ({@link VideoSplitFetcherManager} gives each split a
 * fetcher), a few frames per {@link #fetch()}: at most {@value #MAX_FRAMES_PER_FETCH} frames or
 * {@value #MAX_BYTES_PER_FETCH} bytes of pixels, so that a fetch is short and the hand-over queue
 * holds little memory. A network stream hands over each frame as soon as it is decoded: there the
 * next frame's read waits for the camera, and a frame held back for it would be late by as much.
 * {@link #wakeUp()} makes a fetch return early and aborts a blocked network read, so that
 * cancellation and shutdown never wait for a silent camera.
 */
public final class VideoSplitReader implements SplitReader<StreamItem, VideoSplit> {
    static final int MAX_FRAMES_PER_FETCH = 4;
    static final long MAX_BYTES_PER_FETCH = 16L << 20;
    static final long PAUSE_POLL_MILLIS = 100;

    private final LongSupplier wallClock;
    private final MetricGroup metricGroup;
    private Counter sampledOut;
    private long discardedReported;
    private int framesPerFetch = MAX_FRAMES_PER_FETCH;
    private final AtomicBoolean wakeUp = new AtomicBoolean();
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile VideoStreamCursor cursor;
    private String splitId;
    private String removedSplitId;

    /**
     * @param wallClock epoch milliseconds, for arrival times and dead letters
     */
    public VideoSplitReader(LongSupplier wallClock) {
        this(wallClock, new UnregisteredMetricsGroup());
    }

    /**
     * @param wallClock epoch milliseconds, for arrival times and dead letters
     * @param metricGroup the reader's metric group; the stream's {@value
     *     VideoStreamMetrics#FRAMES_SAMPLED_OUT} counter is registered in it
     */
    public VideoSplitReader(LongSupplier wallClock, MetricGroup metricGroup) {
        this.wallClock = wallClock;
        this.metricGroup = metricGroup;
    }

    @Override
    public RecordsWithSplitIds<StreamItem> fetch() {
        RecordsBySplits.Builder<StreamItem> records = new RecordsBySplits.Builder<>();
        if (removedSplitId != null) {
            records.addFinishedSplit(removedSplitId);
            removedSplitId = null;
        }
        VideoStreamCursor c = cursor;
        if (c == null) {
            return records.build();
        }
        if (paused) {
            awaitResume();
            return records.build();
        }
        int frames = 0;
        long bytes = 0;
        while (frames < framesPerFetch && bytes < MAX_BYTES_PER_FETCH) {
            if (wakeUp.getAndSet(false)) {
                c.clearInterrupt();
                break;
            }
            StreamItem item = c.poll();
            if (item == null) {
                break;
            }
            records.add(splitId, item);
            if (item instanceof VideoFrame frame) {
                frames++;
                bytes += frame.bgr().length;
            }
        }
        countDiscarded(c);
        if (c.isFinished()) {
            records.addFinishedSplit(splitId);
            c.close();
            cursor = null;
        }
        return records.build();
    }

    private void countDiscarded(VideoStreamCursor c) {
        long discarded = c.discardedFrames();
        if (discarded > discardedReported) {
            sampledOut.inc(discarded - discardedReported);
            discardedReported = discarded;
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<VideoSplit> change) {
        if (change instanceof SplitsAddition) {
            for (VideoSplit split : change.splits()) {
                if (cursor != null) {
                    throw new IllegalStateException(
                            "a VideoSplitReader reads one stream, '"
                                    + splitId
                                    + "', and was given a second: '"
                                    + split.splitId()
                                    + "'");
                }
                splitId = split.splitId();
                framesPerFetch =
                        split.stream().streamUri().isLocalFile() ? MAX_FRAMES_PER_FETCH : 1;
                cursor = new VideoStreamCursor(split, wallClock);
                sampledOut = VideoStreamMetrics.sampledOut(metricGroup, splitId);
                discardedReported = 0;
            }
        } else if (change instanceof SplitsRemoval) {
            for (VideoSplit split : change.splits()) {
                if (cursor != null && split.splitId().equals(splitId)) {
                    cursor.close();
                    cursor = null;
                    removedSplitId = splitId;
                }
            }
        }
    }

    /**
     * Pauses or resumes the stream, for watermark alignment: while paused, {@link #fetch()} decodes
     * nothing. A live stream keeps arriving meanwhile and may lose packets.
     */
    @Override
    public void pauseOrResumeSplits(
            Collection<VideoSplit> splitsToPause, Collection<VideoSplit> splitsToResume) {
        if (splitsToPause.stream().anyMatch(s -> s.splitId().equals(splitId))) {
            paused = true;
        }
        if (splitsToResume.stream().anyMatch(s -> s.splitId().equals(splitId))) {
            paused = false;
        }
    }

    private void awaitResume() {
        synchronized (pauseLock) {
            try {
                // bounded, so that the fetcher returns to its task queue (where resume arrives)
                pauseLock.wait(PAUSE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void wakeUp() {
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        wakeUp.set(true);
        VideoStreamCursor c = cursor;
        if (c != null) {
            c.interrupt();
        }
    }

    @Override
    public void close() {
        VideoStreamCursor c = cursor;
        cursor = null;
        if (c != null) {
            c.close();
        }
    }
}
