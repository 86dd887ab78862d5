package io.frameflow.operators.time;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;

/**
 * Watermarks for an operator that sees several streams at once (a Kafka decode subtask reads every
 * stream whose key lands on it): each stream keeps its own latest event time, and the watermark is
 * the smallest of those, less the out-of-orderness, over the streams that are not idle. A single
 * maximum over all of them (what Flink's bounded out-of-orderness generator keeps) would let a fast
 * stream push event time past a slower one, whose frames would then all be late.
 *
 * <p>A stream without an item for the idleness time (measured on the input activity clock, which
 * pauses while the operator is back-pressured) drops out of the minimum until its next item. When
 * every stream is idle, or none has been seen for the idleness time since the start, the output is
 * marked idle, so that downstream operators do not wait for it; the next item marks it active. The
 * watermark never goes back: a stream that returns from idleness behind the others has its items
 * late until it catches up.
 *
 * <p>State is per generator instance and not checkpointed, like all of Flink's watermark
 * generators: after a restore each stream starts again from its next item.
 *
 * @param <T> the items; {@link StreamOf} tells an item's stream, or null for items that carry no
 *     event time (dead letters)
 */
public final class PerStreamWatermarkGenerator<T> implements WatermarkGenerator<T> {

    /** The stream an item belongs to, or null when the item must not move event time. */
    @FunctionalInterface
    public interface StreamOf<T> extends Serializable {
        String streamOf(T item);
    }

    private final long bound;
    private final long idlenessMillis;
    private final RelativeClock clock;
    private final StreamOf<T> streamOf;
    private final Map<String, StreamTime> streams = new HashMap<>();
    private final long createdAt;
    private long emitted = Long.MIN_VALUE;
    private boolean idle;

    /**
     * @param outOfOrderMillis how far the watermark trails a stream's latest event time; an item
     *     exactly this late is still on time
     * @param idlenessMillis after how long without an item a stream stops holding the watermark
     * @param clock the input activity clock of the operator (see {@code
     *     WatermarkGeneratorSupplier.Context#getInputActivityClock})
     */
    public PerStreamWatermarkGenerator(
            long outOfOrderMillis, long idlenessMillis, RelativeClock clock, StreamOf<T> streamOf) {
        if (outOfOrderMillis < 0 || idlenessMillis <= 0) {
            throw new IllegalArgumentException(
                    "out-of-orderness must be >= 0 and idleness > 0, got "
                            + outOfOrderMillis
                            + " ms and "
                            + idlenessMillis
                            + " ms");
        }
        this.bound = outOfOrderMillis;
        this.idlenessMillis = idlenessMillis;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.streamOf = Objects.requireNonNull(streamOf, "streamOf");
        this.createdAt = clock.relativeTimeMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        String stream = streamOf.streamOf(event);
        if (stream == null) {
            return;
        }
        StreamTime time = streams.computeIfAbsent(stream, s -> new StreamTime());
        time.max = Math.max(time.max, eventTimestamp);
        time.lastSeen = clock.relativeTimeMillis();
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.relativeTimeMillis();
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (StreamTime time : streams.values()) {
            if (now - time.lastSeen < idlenessMillis) {
                anyActive = true;
                min = Math.min(min, time.max);
            }
        }
        if (!anyActive) {
            boolean waitedLongEnough = !streams.isEmpty() || now - createdAt >= idlenessMillis;
            if (waitedLongEnough && !idle) {
                idle = true;
                output.markIdle();
            }
            return;
        }
        // an item exactly `bound` late is still on time, as in Flink's own generator
        long watermark = min == Long.MIN_VALUE ? Long.MIN_VALUE : min - bound - 1;
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    private static final class StreamTime {
        long max = Long.MIN_VALUE;
        long lastSeen;
    }
}
