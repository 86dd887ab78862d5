package io.frameflow.operators.sample;

import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Leaves out frames by each stream's {@link Sampling} rule, or by one rule for every stream (for a
 * Kafka topic, whose streams are known only as they arrive); frames of streams without a rule, and
 * all dead letters, pass unchanged. Chain it right after the source (forward, same parallelism), so
 * that left-out frames never reach the model stages. Every frame left out is counted in the metric
 * {@code stream.<id>.framesSampledOut} of this operator.
 *
 * <p>State: for each {@link Sampling.MaxFps} stream, the slot of the last frame kept (one number
 * per stream, in operator list state). {@link Sampling.EveryNth} needs none: it follows the
 * sequence numbers. After a restore at the same parallelism each subtask gets back the slots of its
 * own streams, so a file replayed from a checkpoint keeps exactly the frames an unbroken run keeps.
 * After a change of parallelism a stream may land on a subtask without its slot: the first frame
 * after the restore is then kept even if its slot was already served, at most one extra frame per
 * stream.
 */
public final class SamplingFunction extends ProcessFunction<StreamItem, StreamItem>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final String COUNTER = "framesSampledOut";

    private final Map<String, Sampling> rules;
    private final Sampling everyStream;

    private transient Map<String, Long> lastSlots;
    private transient Map<String, Counter> counters;
    private transient ListState<Tuple2<String, Long>> slotState;

    /**
     * @param rules the sampling rule of each stream id that has one
     */
    public SamplingFunction(Map<String, Sampling> rules) {
        this.rules = Map.copyOf(Objects.requireNonNull(rules, "rules"));
        this.everyStream = null;
    }

    /**
     * @param everyStream the rule of every stream that reaches this function
     */
    public SamplingFunction(Sampling everyStream) {
        this.rules = Map.of();
        this.everyStream = Objects.requireNonNull(everyStream, "everyStream");
    }

    @Override
    public void open(OpenContext openContext) {
        counters = new HashMap<>();
        rules.keySet().forEach(this::counter);
    }

    private Counter counter(String streamId) {
        return counters.computeIfAbsent(
                streamId,
                id -> getRuntimeContext().getMetricGroup().addGroup("stream", id).counter(COUNTER));
    }

    @Override
    public void processElement(StreamItem item, Context ctx, Collector<StreamItem> out) {
        if (item instanceof VideoFrame frame && !keep(frame)) {
            counter(frame.streamId()).inc();
            return;
        }
        out.collect(item);
    }

    private boolean keep(VideoFrame frame) {
        Sampling rule = rules.getOrDefault(frame.streamId(), everyStream);
        if (rule == null) {
            return true;
        }
        if (rule instanceof Sampling.EveryNth every) {
            return frame.seq() % every.n() == 0;
        }
        long slot = ((Sampling.MaxFps) rule).slot(frame);
        Long last = lastSlots.get(frame.streamId());
        // "differs", not "is later": a reconnected live stream may start its timestamps over
        if (last != null && last == slot) {
            return false;
        }
        lastSlots.put(frame.streamId(), slot);
        return true;
    }

    /**
     * Frames of {@code streamId} left out so far by this subtask (0 for a stream without a rule).
     */
    long sampledOut(String streamId) {
        Counter c = counters.get(streamId);
        return c == null ? 0 : c.getCount();
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        slotState.clear();
        for (Map.Entry<String, Long> e : lastSlots.entrySet()) {
            slotState.add(Tuple2.of(e.getKey(), e.getValue()));
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        slotState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "frameflow-sampling-slots",
                                        Types.TUPLE(Types.STRING, Types.LONG)));
        lastSlots = new HashMap<>();
        for (Tuple2<String, Long> entry : slotState.get()) {
            lastSlots.put(entry.f0, entry.f1);
        }
    }
}
