package io.frameflow.operators.track;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.serde.AnnotatedFrameTypeInfoFactory;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Zone;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Track ids for annotated frames, inside the task that decoded them. Annotated frames must not
 * cross the network, so they cannot go through the keyed {@link Tracking} operator; instead a copy
 * of the same tracker ({@link StreamTracker}, same settings) runs here, one per stream, over the
 * same results in the same order, and so gives the same ids. Its events are dropped: the keyed
 * tracker reports them.
 *
 * <p>The trackers are checkpointed as union list state: after a restore every subtask gets every
 * stream's tracker and uses those of the streams it receives. Each entry carries the number of the
 * last frame its tracker took; when several subtasks wrote a tracker of the same stream (one of
 * them a copy it restored but never used), the one furthest along wins. So after a restart, or a
 * change of parallelism, the ids go on as in the results.
 */
public final class AnnotationTracking {

    /** The operator's uid; state is restored by it, so it never changes. */
    public static final String UID = "frameflow-annotation-tracking";

    private AnnotationTracking() {}

    /**
     * Tracks {@code annotated} frames in their task.
     *
     * @param parallelism must equal the input's, so that the operator is chained to it
     */
    public static DataStream<AnnotatedFrame> apply(
            DataStream<AnnotatedFrame> annotated,
            TrackerOptions options,
            List<Zone> zones,
            List<CountingLine> lines,
            int parallelism) {
        return annotated
                .process(
                        new TrackFunction(options, zones, lines),
                        AnnotatedFrameTypeInfoFactory.TYPE_INFO)
                .name("annotation-track")
                .uid(UID)
                .setParallelism(parallelism);
    }

    /** One tracker per stream of the subtask; see the class comment for its state. */
    static final class TrackFunction extends ProcessFunction<AnnotatedFrame, AnnotatedFrame>
            implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;

        private final TrackerOptions options;
        private final List<Zone> zones;
        private final List<CountingLine> lines;

        private transient Map<String, StreamTracker> trackers;
        private transient Map<String, Tuple3<String, Long, byte[]>> restored;
        private transient ListState<Tuple3<String, Long, byte[]>> state;

        TrackFunction(TrackerOptions options, List<Zone> zones, List<CountingLine> lines) {
            this.options = Objects.requireNonNull(options, "options");
            this.zones = List.copyOf(zones);
            this.lines = List.copyOf(lines);
        }

        @Override
        public void processElement(
                AnnotatedFrame frame, Context ctx, Collector<AnnotatedFrame> out) {
            String stream = frame.result().streamId();
            StreamTracker tracker = trackers.get(stream);
            if (tracker == null) {
                Tuple3<String, Long, byte[]> saved = restored.remove(stream);
                tracker =
                        saved == null
                                ? new StreamTracker(stream, options, zones, lines)
                                : StreamTracker.restore(stream, options, zones, lines, saved.f2);
                trackers.put(stream, tracker);
            }
            TrackedFrame tracked = tracker.process(frame.result());
            out.collect(new AnnotatedFrame(frame.frame(), tracked.result()));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            trackers = new HashMap<>();
            restored = new HashMap<>();
            state =
                    context.getOperatorStateStore()
                            .getUnionListState(
                                    new ListStateDescriptor<>(
                                            "annotation-trackers",
                                            Types.TUPLE(
                                                    Types.STRING,
                                                    Types.LONG,
                                                    Types.PRIMITIVE_ARRAY(Types.BYTE))));
            if (context.isRestored()) {
                for (Tuple3<String, Long, byte[]> entry : state.get()) {
                    Tuple3<String, Long, byte[]> other = restored.get(entry.f0);
                    if (other == null || entry.f1 > other.f1) {
                        restored.put(entry.f0, entry);
                    }
                }
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.clear();
            for (Map.Entry<String, StreamTracker> e : trackers.entrySet()) {
                state.add(
                        Tuple3.of(
                                e.getKey(),
                                e.getValue().state().lastSeq(),
                                e.getValue().snapshot()));
            }
            // streams this subtask has not seen since the restore: keep them for whoever gets them
            for (Tuple3<String, Long, byte[]> entry : restored.values()) {
                state.add(entry);
            }
        }
    }
}
