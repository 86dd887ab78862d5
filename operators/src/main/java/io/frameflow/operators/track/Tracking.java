package io.frameflow.operators.track;

import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Zone;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Puts the tracker into a job: results are keyed by stream id and go through {@link
 * TrackingFunction}.
 *
 * @param results the results with track ids, in each stream's order
 * @param events track, zone and line events
 */
public record Tracking(DataStream<FrameResult> results, DataStream<TrackEvent> events) {

    /** The operator's uid; state is restored by it, so it never changes. */
    public static final String UID = "frameflow-tracking";

    /** The operator's name in the Flink UI and metrics. */
    public static final String NAME = "track";

    /**
     * Tracks {@code results}.
     *
     * @param zones the job's zones (each applies to the streams it names, or to all)
     * @param lines the job's counting lines, likewise
     * @param parallelism the tracking operator's parallelism; streams are spread over its subtasks
     */
    public static Tracking apply(
            DataStream<FrameResult> results,
            TrackerOptions options,
            List<Zone> zones,
            List<CountingLine> lines,
            int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "tracking parallelism must be at least 1, got " + parallelism);
        }
        SingleOutputStreamOperator<FrameResult> tracked =
                results.keyBy(FrameResult::streamId, Types.STRING)
                        .process(
                                new TrackingFunction(options, zones, lines),
                                TypeInformation.of(FrameResult.class))
                        .uid(UID)
                        .name(NAME)
                        .setParallelism(parallelism);
        return new Tracking(tracked, tracked.getSideOutput(TrackingFunction.EVENTS));
    }
}
