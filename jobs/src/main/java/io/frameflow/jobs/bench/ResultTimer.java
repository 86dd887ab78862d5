package io.frameflow.jobs.bench;

import io.frameflow.common.FrameResult;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that only notes when results arrive: the time of the first and the last one and their
 * number. The times live in static fields, so it measures only jobs on an embedded MiniCluster in
 * this JVM, which is what the benchmark runs.
 */
final class ResultTimer implements Sink<FrameResult> {
    private static final long serialVersionUID = 1L;

    private static final AtomicLong FIRST = new AtomicLong();
    private static final AtomicLong LAST = new AtomicLong();
    private static final AtomicLong COUNT = new AtomicLong();

    static void reset() {
        FIRST.set(0);
        LAST.set(0);
        COUNT.set(0);
    }

    static long count() {
        return COUNT.get();
    }

    /** Results per second between the first and the last result. */
    static double steadyRate() {
        long n = COUNT.get();
        long span = LAST.get() - FIRST.get();
        return n > 1 && span > 0 ? (n - 1) / (span / 1e9) : 0;
    }

    @Override
    public SinkWriter<FrameResult> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(FrameResult element, Context ctx) {
                long now = System.nanoTime();
                FIRST.compareAndSet(0, now);
                LAST.set(now);
                COUNT.incrementAndGet();
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
