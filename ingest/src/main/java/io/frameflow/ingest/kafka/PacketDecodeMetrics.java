package io.frameflow.ingest.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counters of the Kafka decode step, per stream, under {@code stream.<id>} in the operator's metric
 * group: frames decoded, dead letters, packets skipped while waiting for a keyframe, and gaps in
 * the packet numbers.
 */
public final class PacketDecodeMetrics {
    public static final String GROUP = "stream";
    public static final String FRAMES_DECODED = "framesDecoded";
    public static final String DEAD_LETTERS = "deadLetters";
    public static final String PACKETS_SKIPPED = "packetsSkipped";
    public static final String SEQUENCE_GAPS = "sequenceGaps";

    private final MetricGroup group;
    private final Map<String, Counter[]> streams = new HashMap<>();

    PacketDecodeMetrics(MetricGroup group) {
        this.group = group;
    }

    void frame(String stream) {
        of(stream)[0].inc();
    }

    void deadLetter(String stream) {
        of(stream)[1].inc();
    }

    void skipped(String stream) {
        of(stream)[2].inc();
    }

    void gap(String stream) {
        of(stream)[3].inc();
    }

    /** The count of {@code metric} (one of the names above) of {@code stream}; for tests. */
    long count(String stream, String metric) {
        Counter[] c = of(stream);
        return switch (metric) {
            case FRAMES_DECODED -> c[0].getCount();
            case DEAD_LETTERS -> c[1].getCount();
            case PACKETS_SKIPPED -> c[2].getCount();
            case SEQUENCE_GAPS -> c[3].getCount();
            default -> throw new IllegalArgumentException("no metric " + metric);
        };
    }

    private Counter[] of(String stream) {
        return streams.computeIfAbsent(
                stream,
                id -> {
                    MetricGroup g = group.addGroup(GROUP, id);
                    return new Counter[] {
                        g.counter(FRAMES_DECODED),
                        g.counter(DEAD_LETTERS),
                        g.counter(PACKETS_SKIPPED),
                        g.counter(SEQUENCE_GAPS)
                    };
                });
    }
}
