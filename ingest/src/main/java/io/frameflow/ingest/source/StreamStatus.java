package io.frameflow.ingest.source;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live view of one stream: its {@link StreamState}, reconnects and dropped frames. The decode
 * thread writes it; metric reporters and tests read it from any thread. Each change of state is
 * logged once (INFO when things get better, WARN when worse), with the redacted URI, and dropped
 * frames are summed up in at most one line every {@value #DROP_LOG_INTERVAL_MILLIS} ms.
 */
public final class StreamStatus {
    private static final Logger LOG = LoggerFactory.getLogger(StreamStatus.class);
    static final long DROP_LOG_INTERVAL_MILLIS = 5_000;

    private final String streamId;
    private final String redactedUri;
    private final LongSupplier clockMillis;
    private final SharedCounter reconnects = new SharedCounter();
    private final SharedCounter drops = new SharedCounter();
    private volatile StreamState state = StreamState.CONNECTING;
    private long dropsLogged;
    private long dropLogMillis;

    StreamStatus(String streamId, String redactedUri, LongSupplier clockMillis) {
        this.streamId = streamId;
        this.redactedUri = redactedUri;
        this.clockMillis = clockMillis;
        this.dropLogMillis = clockMillis.getAsLong();
    }

    public StreamState state() {
        return state;
    }

    /** Reconnect attempts so far (each open after a failure). */
    public long reconnects() {
        return reconnects.getCount();
    }

    /** Frames dropped so far because the pipeline fell behind. */
    public long drops() {
        return drops.getCount();
    }

    Counter reconnectCounter() {
        return reconnects;
    }

    Counter dropCounter() {
        return drops;
    }

    /** Moves to {@code next}, logging the change with {@code detail}; no log if unchanged. */
    void moveTo(StreamState next, String detail) {
        StreamState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        String suffix = detail == null || detail.isEmpty() ? "" : ": " + detail;
        if (next == StreamState.LIVE
                || next == StreamState.CONNECTING
                || next == StreamState.FINISHED) {
            LOG.info("stream '{}' ({}) {} -> {}{}", streamId, redactedUri, previous, next, suffix);
        } else {
            LOG.warn("stream '{}' ({}) {} -> {}{}", streamId, redactedUri, previous, next, suffix);
        }
    }

    void reconnecting() {
        reconnects.inc();
    }

    /**
     * Counts one dropped frame; logs the drops since the last summary if that is long enough ago.
     */
    void dropped(int bufferCapacity) {
        drops.inc();
        long now = clockMillis.getAsLong();
        if (now - dropLogMillis >= DROP_LOG_INTERVAL_MILLIS) {
            long total = drops.getCount();
            LOG.warn(
                    "stream '{}' ({}): dropped {} frames in the last {} ms ({} in all): the"
                            + " pipeline is slower than the stream; only the newest {} waiting"
                            + " frames are kept",
                    streamId,
                    redactedUri,
                    total - dropsLogged,
                    now - dropLogMillis,
                    total,
                    bufferCapacity);
            dropsLogged = total;
            dropLogMillis = now;
        }
    }

    /** A counter that one thread increments and any thread reads. */
    private static final class SharedCounter implements Counter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void inc() {
            count.incrementAndGet();
        }

        @Override
        public void inc(long n) {
            count.addAndGet(n);
        }

        @Override
        public void dec() {
            count.decrementAndGet();
        }

        @Override
        public void dec(long n) {
            count.addAndGet(-n);
        }

        @Override
        public long getCount() {
            return count.get();
        }
    }
}
