package io.frameflow.it.rtsp;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter for MiniCluster tests in this JVM: it keeps every metric registered, by
 * its full identifier, also after the job has ended and unregistered it, so that a test can read a
 * stream's final counters and state.
 */
public final class RetainingMetricReporter implements MetricReporter, MetricReporterFactory {
    private static final Map<String, Metric> METRICS = new ConcurrentHashMap<>();

    /** A cluster configuration that installs this reporter. */
    static Configuration configuration() {
        Configuration c = new Configuration();
        c.setString(
                "metrics.reporter.retaining.factory.class",
                RetainingMetricReporter.class.getName());
        return c;
    }

    /** Every metric registered so far, by identifier. */
    static Map<String, Metric> metrics() {
        return Map.copyOf(METRICS);
    }

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return this;
    }

    @Override
    public void open(MetricConfig config) {
        // nothing to connect to: the metrics stay in this JVM
    }

    @Override
    public void close() {
        // the metrics stay readable after the cluster has stopped
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        METRICS.put(group.getMetricIdentifier(name), metric);
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // retained on purpose: tests read the final values after the job has finished
    }
}
