package io.frameflow.ingest.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.runtime.metrics.groups.InternalSourceReaderMetricGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/** A reader context for driving a source reader directly: records split requests and metrics. */
public final class TestReaderContext implements SourceReaderContext {
    private final RecordingMetricGroup metrics = new RecordingMetricGroup();
    private final SourceReaderMetricGroup metricGroup =
            InternalSourceReaderMetricGroup.mock(metrics);
    private final AtomicInteger splitRequests = new AtomicInteger();

    @Override
    public SourceReaderMetricGroup metricGroup() {
        return metricGroup;
    }

    /** What the reader counted, by dotted path. */
    public RecordingMetricGroup metrics() {
        return metrics;
    }

    @Override
    public Configuration getConfiguration() {
        return new Configuration();
    }

    @Override
    public String getLocalHostName() {
        return "localhost";
    }

    @Override
    public int getIndexOfSubtask() {
        return 0;
    }

    @Override
    public void sendSplitRequest() {
        splitRequests.incrementAndGet();
    }

    public int splitRequests() {
        return splitRequests.get();
    }

    @Override
    public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
        // the video source sends no events
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
    }
}
