package io.frameflow.jobs.bench;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import java.util.ArrayList;
import java.util.List;
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

    private static final List<LatencyBenchmark.Sample> SAMPLES = new ArrayList<>();

    static synchronized void reset() {
        SAMPLES.clear();
    }

    /** The latencies, in the order the results came. */
    static synchronized List<LatencyBenchmark.Sample> samples() {
        return List.copyOf(SAMPLES);
    }

    private static synchronized void record(TimeSource source, long millis) {
        SAMPLES.add(new LatencyBenchmark.Sample(source, millis));
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
