package io.frameflow.ingest.source;

import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * Hands a live stream's frames and dead letters from its decode thread to the fetcher, keeping
 * latency bounded: it holds at most {@code capacity} frames, and a frame that arrives when it is
 * full pushes out the oldest waiting frame (newest wins). Dead letters are never pushed out, so
 * that no failure goes unreported. Every drop is counted in the stream's {@link StreamStatus}.
 */
final class LatestFrameBuffer {
    private final int capacity;
    private final StreamStatus status;
    private final ArrayDeque<StreamItem> items = new ArrayDeque<>();
    private int frames;
    private boolean ended;
    private boolean woken;

    LatestFrameBuffer(int capacity, StreamStatus status) {
        this.capacity = capacity;
        this.status = status;
    }

    /** Adds an item; a frame over capacity drops the oldest waiting frame. */
    synchronized void put(StreamItem item) {
        if (item instanceof VideoFrame) {
            if (frames == capacity) {
                dropOldestFrame();
            }
            frames++;
        }
        items.addLast(item);
        notifyAll();
    }

    private void dropOldestFrame() {
        for (Iterator<StreamItem> it = items.iterator(); it.hasNext(); ) {
            if (it.next() instanceof VideoFrame) {
                it.remove();
                frames--;
                status.dropped(capacity);
                return;
            }
        }
    }

    /** No more items will come: the stream has ended. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /**
     * Moves up to {@code max} items into {@code out}, waiting up to {@code waitMillis} for the
     * first one unless {@link #wakeUp()} is called.
     *
     * @return true when the stream has ended and nothing is left
     */
    synchronized boolean take(List<StreamItem> out, int max, long waitMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (items.isEmpty() && !ended && !woken) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        woken = false;
        int taken = 0;
        while (taken < max && !items.isEmpty()) {
            StreamItem item = items.pollFirst();
            if (item instanceof VideoFrame) {
                frames--;
            }
            out.add(item);
            taken++;
        }
        return ended && items.isEmpty();
    }

    /** Makes a waiting (or the next) {@link #take} return at once. */
    synchronized void wakeUp() {
        woken = true;
        notifyAll();
    }

    /** Frames waiting now. */
    synchronized int frames() {
        return frames;
    }
}
