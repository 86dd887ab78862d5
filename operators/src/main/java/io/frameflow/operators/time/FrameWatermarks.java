package io.frameflow.operators.time;

import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The watermark strategy of FrameFlow jobs: event time is a frame's capture time ({@link
 * VideoFrame#captureTimeMillis()}: the camera's clock, arrival time, or media time for files).
 *
 * <p>Given to {@code env.fromSource(…)}, the strategy runs once per split, that is per stream: each
 * stream has its own watermark, trailing its latest capture time by the out-of-orderness, and the
 * source's watermark is the smallest over its streams. A stream without a frame for the idleness
 * time drops out of that minimum until its next frame, so a silent camera does not stop event time
 * for the others.
 *
 * <p>After the source, where one operator instance sees the frames of several streams (the Kafka
 * path decodes after a keyBy, so a decode subtask holds every stream whose key lands on it), use
 * {@link #perStream}: the same settings, but the generator keeps each stream's latest capture time
 * and idleness itself (see {@link PerStreamWatermarkGenerator}).
 *
 * <p>Dead letters have no timestamp and never move a watermark: their time is when something failed
 * here, which is not on the stream's event-time axis (files use media time), and a failing stream
 * must not push event time ahead of its frames.
 */
public final class FrameWatermarks {

    private FrameWatermarks() {}

    /** The strategy for {@code options}. */
    public static WatermarkStrategy<StreamItem> strategy(EventTimeOptions options) {
        long bound = options.outOfOrderness().toMillis();
        return WatermarkStrategy.<StreamItem>forGenerator(ctx -> new Generator(bound))
                .withTimestampAssigner(ctx -> FrameWatermarks::timestamp)
                .withIdleness(options.idleness());
    }

    /**
     * The strategy for an operator that sees several streams (after decoding): the watermark is the
     * smallest over the streams that are not idle of each stream's latest capture time, less the
     * out-of-orderness; a stream without a frame for the idleness drops out until its next frame,
     * and an operator whose streams are all idle is marked idle.
     */
    public static WatermarkStrategy<StreamItem> perStream(EventTimeOptions options) {
        long bound = options.outOfOrderness().toMillis();
        long idleness = options.idleness().toMillis();
        return WatermarkStrategy.<StreamItem>forGenerator(
                        ctx ->
                                new PerStreamWatermarkGenerator<>(
                                        bound,
                                        idleness,
                                        ctx.getInputActivityClock(),
                                        FrameWatermarks::streamOf))
                .withTimestampAssigner(ctx -> FrameWatermarks::timestamp);
    }

    /** A frame's stream; null for a dead letter, which does not move event time. */
    static String streamOf(StreamItem item) {
        return item instanceof VideoFrame frame ? frame.streamId() : null;
    }

    /** A frame's capture time; no timestamp for a dead letter. */
    static long timestamp(StreamItem item, long recordTimestamp) {
        return item instanceof VideoFrame frame
                ? frame.captureTimeMillis()
                : TimestampAssigner.NO_TIMESTAMP;
    }

    /** Bounded out-of-orderness over frames only. */
    static final class Generator implements WatermarkGenerator<StreamItem> {
        private final long bound;
        private long maxTimestamp = Long.MIN_VALUE;

        Generator(long bound) {
            this.bound = bound;
        }

        @Override
        public void onEvent(StreamItem event, long eventTimestamp, WatermarkOutput output) {
            if (event instanceof VideoFrame) {
                maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (maxTimestamp != Long.MIN_VALUE) {
                // a frame exactly `bound` late is still on time, as in Flink's own generator
                output.emitWatermark(new Watermark(maxTimestamp - bound - 1));
            }
        }
    }
}
