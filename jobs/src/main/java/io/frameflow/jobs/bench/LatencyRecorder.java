package io.frameflow.jobs.bench;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that notes, for each result, how long after its capture time it reached the sinks: wall
 * clock at {@code write} minus {@link FrameResult#captureTimeMillis()}, kept per time source (a
 * sender-report time is the camera's clock, an arrival time ours). The figures live in static
 * fields, so it measures only jobs on an embedded MiniCluster in this JVM.
 */
final class LatencyRecorder implements Sink<FrameResult> {
    private static final long serialVersionUID = 1L;

    private static final Map<TimeSource, List<Long>> LATENCIES = new EnumMap<>(TimeSource.class);

    static synchronized void reset() {
        LATENCIES.clear();
    }

    /** The latencies in milliseconds of each time source, in the order the results came. */
    static synchronized Map<TimeSource, List<Long>> latencies() {
        Map<TimeSource, List<Long>> copy = new EnumMap<>(TimeSource.class);
        LATENCIES.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    private static synchronized void record(TimeSource source, long millis) {
        LATENCIES.computeIfAbsent(source, s -> new ArrayList<>()).add(millis);
    }

    @Override
    public SinkWriter<FrameResult> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(FrameResult result, Context ctx) {
                record(
                        result.timeSource(),
                        System.currentTimeMillis() - result.captureTimeMillis());
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
