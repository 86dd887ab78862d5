package io.frameflow.ingest.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * A metric group that remembers its counters by dotted path (e.g. {@code
 * stream.cam-1.framesDecoded}), so that a test can read what a reader counted.
 */
public final class RecordingMetricGroup extends UnregisteredMetricsGroup {
    private final String prefix;
    private final Map<String, Counter> counters;

    public RecordingMetricGroup() {
        this("", new ConcurrentHashMap<>());
    }

    private RecordingMetricGroup(String prefix, Map<String, Counter> counters) {
        this.prefix = prefix;
        this.counters = counters;
    }

    @Override
    public Counter counter(String name) {
        return counters.computeIfAbsent(prefix + name, k -> new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        counters.put(prefix + name, counter);
        return counter;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new RecordingMetricGroup(prefix + name + ".", counters);
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return new RecordingMetricGroup(prefix + key + "." + value + ".", counters);
    }

    /** The count of the counter at {@code path}, or -1 when there is none. */
    public long count(String path) {
        Counter c = counters.get(path);
        return c == null ? -1 : c.getCount();
    }
}
