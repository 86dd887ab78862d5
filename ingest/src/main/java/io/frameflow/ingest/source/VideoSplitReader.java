package io.frameflow.ingest.source;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
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
 * Reads one stream on its own fetcher thread ({@link VideoSplitFetcherManager} gives each split a
 * fetcher), a few items per {@link #fetch()}: at most {@value #MAX_FRAMES_PER_FETCH} frames or
 * {@value #MAX_BYTES_PER_FETCH} bytes of pixels, so that a fetch is short and the hand-over queue
 * holds little memory.
 *
 * <p>A local file is decoded right here, in the fetch, so that a slow pipeline slows the decoding
 * (backpressure, nothing dropped). A live stream is decoded by its own {@link LiveStreamRunner}
 * thread, which reconnects after outages and keeps only the newest frames when the pipeline falls
 * behind; a fetch takes what is there and waits at most {@value #LIVE_WAIT_MILLIS} ms for it.
 * {@link #wakeUp()} makes a fetch return early (and aborts a blocked read of a file's network
 * stream), so that cancellation, checkpoints and shutdown never wait for a silent camera.
 */
public final class VideoSplitReader implements SplitReader<StreamItem, VideoSplit> {
    static final int MAX_FRAMES_PER_FETCH = 4;
    static final long MAX_BYTES_PER_FETCH = 16L << 20;
    static final long PAUSE_POLL_MILLIS = 100;
    static final long LIVE_WAIT_MILLIS = 100;

    private final LongSupplier wallClock;
    private final StreamStatuses statuses;
    private final MetricGroup metricGroup;
    private Counter sampledOut;
    private long discardedReported;
    private final AtomicBoolean wakeUp = new AtomicBoolean();
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile VideoStreamCursor cursor;
    private volatile LiveStreamRunner runner;
    private StreamStatus status;
    private String splitId;
    private String removedSplitId;

    /**
     * @param wallClock epoch milliseconds, for arrival times and dead letters
     */
    public VideoSplitReader(LongSupplier wallClock) {
        this(wallClock, new StreamStatuses(wallClock), new UnregisteredMetricsGroup());
    }

    /**
     * @param wallClock epoch milliseconds, for arrival times and dead letters
     * @param metricGroup the reader's metric group; the stream's {@value
     *     VideoStreamMetrics#FRAMES_SAMPLED_OUT} counter is registered in it
     */
    public VideoSplitReader(LongSupplier wallClock, MetricGroup metricGroup) {
        this(wallClock, new StreamStatuses(wallClock), metricGroup);
    }

    VideoSplitReader(LongSupplier wallClock, StreamStatuses statuses, MetricGroup metricGroup) {
        this.wallClock = wallClock;
        this.statuses = statuses;
        this.metricGroup = metricGroup;
    }

    @Override
    public RecordsWithSplitIds<StreamItem> fetch() {
        RecordsBySplits.Builder<StreamItem> records = new RecordsBySplits.Builder<>();
        if (removedSplitId != null) {
            records.addFinishedSplit(removedSplitId);
            removedSplitId = null;
        }
        if (paused && (cursor != null || runner != null)) {
            awaitResume();
            return records.build();
        }
        if (runner != null) {
            fetchLive(runner, records);
        } else if (cursor != null) {
            fetchFile(cursor, records);
        }
        return records.build();
    }

    private void fetchLive(LiveStreamRunner r, RecordsBySplits.Builder<StreamItem> records) {
        List<StreamItem> items = new ArrayList<>(MAX_FRAMES_PER_FETCH);
        boolean ended;
        try {
            ended = r.buffer().take(items, MAX_FRAMES_PER_FETCH, LIVE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            // the fetcher is shutting down; it closes this reader next
            Thread.currentThread().interrupt();
            return;
        }
        items.forEach(item -> records.add(splitId, item));
        countDiscarded(r.discardedFrames());
        if (ended) {
            records.addFinishedSplit(splitId);
            r.close();
            runner = null;
        }
    }

    private void fetchFile(VideoStreamCursor c, RecordsBySplits.Builder<StreamItem> records) {
        int frames = 0;
        long bytes = 0;
        while (frames < MAX_FRAMES_PER_FETCH && bytes < MAX_BYTES_PER_FETCH) {
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
                status.moveTo(StreamState.LIVE, null);
                frames++;
                bytes += frame.bgr().length;
            } else if (item instanceof DeadLetter d && d.fatal()) {
                status.moveTo(StreamState.FAILED, d.reason());
            }
        }
        countDiscarded(c.discardedFrames());
        if (c.isFinished()) {
            if (!status.state().isFinal()) {
                status.moveTo(StreamState.FINISHED, null);
            }
            records.addFinishedSplit(splitId);
            c.close();
            cursor = null;
        }
    }

    private void countDiscarded(long discarded) {
        if (discarded > discardedReported) {
            sampledOut.inc(discarded - discardedReported);
            discardedReported = discarded;
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<VideoSplit> change) {
        if (change instanceof SplitsAddition) {
            for (VideoSplit split : change.splits()) {
                add(split);
            }
        } else if (change instanceof SplitsRemoval) {
            for (VideoSplit split : change.splits()) {
                if (split.splitId().equals(splitId) && (cursor != null || runner != null)) {
                    close();
                    removedSplitId = splitId;
                }
            }
        }
    }

    private void add(VideoSplit split) {
        if (cursor != null || runner != null) {
            throw new IllegalStateException(
                    "a VideoSplitReader reads one stream, '"
                            + splitId
                            + "', and was given a second: '"
                            + split.splitId()
                            + "'");
        }
        splitId = split.splitId();
        status = statuses.of(split.stream());
        sampledOut = VideoStreamMetrics.sampledOut(metricGroup, splitId);
        discardedReported = 0;
        if (split.stream().streamUri().isLocalFile()) {
            cursor = new VideoStreamCursor(split, wallClock);
        } else {
            LiveStreamRunner r =
                    new LiveStreamRunner(
                            split, status, wallClock, System::nanoTime, new SplittableRandom());
            runner = r;
            r.start();
        }
    }

    /**
     * Pauses or resumes the stream, for watermark alignment: while paused, {@link #fetch()} hands
     * out nothing. A live stream goes on decoding meanwhile and keeps only its newest frames.
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
        LiveStreamRunner r = runner;
        if (r != null) {
            // only the fetch waits; the stream goes on decoding
            r.buffer().wakeUp();
            return;
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
        LiveStreamRunner r = runner;
        runner = null;
        if (r != null) {
            r.close();
        }
    }
}
