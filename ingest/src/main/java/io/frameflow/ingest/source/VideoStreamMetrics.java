package io.frameflow.ingest.source;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * Metrics of one stream, in the reader's metric group under {@code stream.<id>}: frames decoded
 * (emitted), frames damaged (emitted with concealed errors), dead letters, the state (a gauge of
 * {@link StreamState#code()}), reconnect attempts, frames dropped because the pipeline fell behind
 * a live stream, and frames sampled out, which the decoder discarded undecoded because the stream
 * reads key frames only.
 */
public final class VideoStreamMetrics {
    /** Name of the group key under which each stream's metrics are registered. */
    public static final String GROUP = "stream";

    public static final String FRAMES_DECODED = "framesDecoded";
    public static final String FRAMES_DAMAGED = "framesDamaged";
    public static final String DEAD_LETTERS = "deadLetters";
    public static final String STATE = "state";
    public static final String RECONNECTS = "reconnects";
    public static final String DROPS = "drops";

    /**
     * Frames left out on purpose by sampling. Operators that sample (max fps, every n-th) count
     * theirs under the same name in their own metric group.
     */
    public static final String FRAMES_SAMPLED_OUT = "framesSampledOut";

    private final Counter framesDecoded;
    private final Counter framesDamaged;
    private final Counter deadLetters;

    VideoStreamMetrics(MetricGroup readerGroup, String streamId, StreamStatus status) {
        MetricGroup group = readerGroup.addGroup(GROUP, streamId);
        this.framesDecoded = group.counter(FRAMES_DECODED);
        this.framesDamaged = group.counter(FRAMES_DAMAGED);
        this.deadLetters = group.counter(DEAD_LETTERS);
        group.gauge(STATE, (Gauge<Integer>) () -> status.state().code());
        group.counter(RECONNECTS, status.reconnectCounter());
        group.counter(DROPS, status.dropCounter());
    }

    /** The stream's sampled-out counter, registered by the fetcher thread that decodes it. */
    static Counter sampledOut(MetricGroup readerGroup, String streamId) {
        return readerGroup.addGroup(GROUP, streamId).counter(FRAMES_SAMPLED_OUT);
    }

    void frame(boolean damaged) {
        framesDecoded.inc();
        if (damaged) {
            framesDamaged.inc();
        }
    }

    void deadLetter() {
        deadLetters.inc();
    }
}
