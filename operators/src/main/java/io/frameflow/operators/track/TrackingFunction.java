package io.frameflow.operators.track;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Zone;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Tracks objects per stream: keyed by stream id, it runs a {@link StreamTracker} on each stream's
 * results and emits them with track ids; track, zone and line events go to the side output {@link
 * #EVENTS}.
 *
 * <p>State: one {@link TrackerState} per stream in keyed value state ({@link
 * TrackerStateSerializer}), so tracks, ids and zone stays survive a restore: a job restored from a
 * checkpoint emits the ids and events an unbroken run would have.
 *
 * <p>A track ends at the first of: a frame of its stream more than {@code max-lost} (capture time)
 * after it was last seen; the watermark reaching last-seen + {@code max-lost} (an event-time timer,
 * so a stream that stops sending frames still ends its tracks); the end of input (the final
 * watermark). Which one it is changes nothing in the events: they carry the seq, time and box of
 * the last frame the track was seen in. The Flink timestamp of an event record is that of the frame
 * or timer that produced it; consumers should use {@link TrackEvent#timeMillis()}.
 *
 * <p>A result whose seq is not after the last one taken for its stream (a duplicate or a frame out
 * of order) passes on unchanged, without track ids and without events, and is counted in {@value
 * #OUT_OF_ORDER}. Metrics: {@value #STARTED}, {@value #ENDED}, {@value #OUT_OF_ORDER} (counters)
 * and {@value #LIVE} (gauge: confirmed tracks of the streams this subtask has taken a frame of
 * since it started).
 */
public final class TrackingFunction extends KeyedProcessFunction<String, FrameResult, FrameResult> {
    private static final long serialVersionUID = 1L;

    /** The side output of track, zone and line events. */
    public static final OutputTag<TrackEvent> EVENTS =
            new OutputTag<>("frameflow-track-events", TypeInformation.of(TrackEvent.class));

    static final String STARTED = "tracksStarted";
    static final String ENDED = "tracksEnded";
    static final String LIVE = "liveTracks";
    static final String OUT_OF_ORDER = "framesOutOfOrder";

    private final TrackerOptions options;
    private final List<Zone> zones;
    private final List<CountingLine> lines;

    private transient ValueState<TrackerState> state;
    private transient Map<String, AreaEvents> areas;
    private transient Map<String, Integer> liveByStream;
    private transient long live;
    private transient Counter started;
    private transient Counter ended;
    private transient Counter outOfOrder;

    /**
     * @param zones the job's zones; each stream uses those that apply to it
     * @param lines the job's counting lines, likewise
     */
    public TrackingFunction(TrackerOptions options, List<Zone> zones, List<CountingLine> lines) {
        this.options = Objects.requireNonNull(options, "options");
        this.zones = List.copyOf(zones);
        this.lines = List.copyOf(lines);
        // fail at job assembly, not on the first frame
        StreamTracker.areasOf("", this.zones, this.lines);
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "frameflow-tracker", TrackerStateSerializer.INSTANCE));
        areas = new HashMap<>();
        liveByStream = new HashMap<>();
        live = 0;
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        started = metrics.counter(STARTED);
        ended = metrics.counter(ENDED);
        outOfOrder = metrics.counter(OUT_OF_ORDER);
        metrics.gauge(LIVE, () -> live);
    }

    @Override
    public void processElement(FrameResult result, Context ctx, Collector<FrameResult> out)
            throws Exception {
        String stream = ctx.getCurrentKey();
        StreamTracker tracker = tracker(stream);
        TrackedFrame tracked = tracker.process(result);
        if (!tracked.tracked()) {
            outOfOrder.inc();
        }
        out.collect(tracked.result());
        emit(tracked.events(), ctx);
        TrackerState s = tracker.state();
        state.update(s);
        if (tracked.tracked() && !s.tracks.isEmpty()) {
            long at = result.captureTimeMillis();
            long maxLost = options.maxLostMillis();
            ctx.timerService()
                    .registerEventTimeTimer(
                            at > Long.MAX_VALUE - maxLost ? Long.MAX_VALUE : at + maxLost);
        }
        setLive(stream, s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FrameResult> out)
            throws Exception {
        String stream = ctx.getCurrentKey();
        StreamTracker tracker = tracker(stream);
        if (tracker.state().tracks.isEmpty()) {
            return;
        }
        emit(tracker.endLost(timestamp), ctx);
        state.update(tracker.state());
        setLive(stream, tracker.state());
    }

    private StreamTracker tracker(String stream) throws java.io.IOException {
        TrackerState s = state.value();
        return new StreamTracker(
                stream,
                options,
                areas.computeIfAbsent(stream, id -> StreamTracker.areasOf(id, zones, lines)),
                s == null ? new TrackerState() : s);
    }

    private void emit(List<TrackEvent> events, Context ctx) {
        for (TrackEvent e : events) {
            if (e.type() == TrackEvent.Type.TRACK_START) {
                started.inc();
            } else if (e.type() == TrackEvent.Type.TRACK_END) {
                ended.inc();
            }
            ctx.output(EVENTS, e);
        }
    }

    private void setLive(String stream, TrackerState s) {
        int now = s.liveTracks();
        Integer before = liveByStream.put(stream, now);
        live += now - (before == null ? 0 : before);
    }

    /** Confirmed tracks of the streams this subtask has seen, as the gauge shows them. */
    long liveTracks() {
        return live;
    }

    /** Results passed on untracked because their seq was not after the last one. */
    long framesOutOfOrder() {
        return outOfOrder.getCount();
    }
}
