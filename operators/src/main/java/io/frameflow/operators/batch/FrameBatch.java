package io.frameflow.operators.batch;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The frames a model stage holds between two model calls, in arrival order, with the timestamps of
 * the records they came in. {@code T} is what the stage batches: a {@code VideoFrame}, or a frame
 * with the results of earlier stages. Fixed capacity and reused from batch to batch: with object
 * reuse on, the incoming {@link StreamRecord} is recycled by the caller, so only the frame
 * reference and the timestamp are kept.
 */
public final class FrameBatch<T> {

    private final T[] frames;
    private final long[] timestamps;
    private final boolean[] hasTimestamp;
    private final List<T> view = new FramesView();
    private int size;

    public FrameBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "batch capacity must be at least 1, got " + capacity);
        }
        @SuppressWarnings("unchecked")
        T[] slots = (T[]) new Object[capacity];
        frames = slots;
        timestamps = new long[capacity];
        hasTimestamp = new boolean[capacity];
    }

    /** Appends a frame with the timestamp of the record it came in. */
    public void add(T frame, StreamRecord<?> record) {
        if (isFull()) {
            throw new IllegalStateException(
                    "batch is full (" + frames.length + " frames); run it before adding " + frame);
        }
        frames[size] = frame;
        timestamps[size] = record.getTimestamp();
        hasTimestamp[size] = record.hasTimestamp();
        size++;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isFull() {
        return size == frames.length;
    }

    public T frame(int index) {
        return frames[checkIndex(index)];
    }

    /**
     * Puts the timestamp that frame {@code index} arrived with on {@code record} (or erases it if
     * the frame came without one) and returns the record.
     */
    public <T> StreamRecord<T> stamp(int index, StreamRecord<T> record) {
        checkIndex(index);
        if (hasTimestamp[index]) {
            record.setTimestamp(timestamps[index]);
        } else {
            record.eraseTimestamp();
        }
        return record;
    }

    /** The frames, in arrival order; a live view that changes with the batch. */
    public List<T> frames() {
        return view;
    }

    /** Empties the batch and drops its frame references, so that their pixels can be collected. */
    public void clear() {
        Arrays.fill(frames, 0, size, null);
        size = 0;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(
                    "frame " + index + " of a batch of " + size + " frames");
        }
        return index;
    }

    private final class FramesView extends AbstractList<T> {
        @Override
        public T get(int index) {
            return frame(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
