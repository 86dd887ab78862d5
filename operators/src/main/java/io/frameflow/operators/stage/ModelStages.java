package io.frameflow.operators.stage;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.AnnotatedFrameTypeInfoFactory;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import io.frameflow.operators.DeadLetterOutput;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Chains model stages onto a stream of frames, in the order given. The input must come from a video
 * source in the same task (forward connection, same parallelism), so that frames are handed from
 * the source through every stage by reference:
 *
 * <pre>{@code
 * ModelStages.Chain chain = ModelStages.apply(items, List.of(
 *         new RestoreStage("restore", waifu2x, BatchOptions.defaults()),
 *         DetectStage.primary("detect", nanodet, BatchOptions.defaults())), 2);
 * chain.results().sinkTo(...);
 * chain.deadLetters().sinkTo(...);
 * }</pre>
 *
 * <p>Rules: stage names are unique; at most one restore, one segment and one primary detect stage
 * (the result has one field for each); a secondary detect stage (with {@code on}) comes after the
 * primary one.
 */
public final class ModelStages {

    private ModelStages() {}

    /**
     * The side output of the last stage with each result and its source frame, when the chain is
     * built with {@code annotate}: it stays in the task (chained consumers only), for sinks that
     * draw on frames.
     */
    public static final OutputTag<AnnotatedFrame> ANNOTATED =
            new OutputTag<>("frameflow-annotated-frames", AnnotatedFrameTypeInfoFactory.TYPE_INFO);

    /**
     * The chain's outputs.
     *
     * @param results one result per frame that passed every stage (the last stage's output)
     * @param deadLetters the source's dead letters and every stage's rejected frames
     * @param annotated each result with its source frame; null unless the chain was built with
     *     {@code annotate}
     */
    public record Chain(
            SingleOutputStreamOperator<FrameResult> results,
            DataStream<DeadLetter> deadLetters,
            DataStream<AnnotatedFrame> annotated) {}

    /**
     * Appends {@code stages} to {@code items}.
     *
     * @param parallelism of every stage; it must equal the input's so that the stages chain to it
     * @throws IllegalArgumentException if the stages break a rule above; the message names the
     *     stage
     */
    public static Chain apply(
            DataStream<StreamItem> items, List<ModelStage> stages, int parallelism) {
        return apply(items, stages, parallelism, false);
    }

    /**
     * Appends {@code stages} to {@code items}; with {@code annotate}, the last stage also emits
     * {@link #ANNOTATED} frames.
     */
    public static Chain apply(
            DataStream<StreamItem> items,
            List<ModelStage> stages,
            int parallelism,
            boolean annotate) {
        Objects.requireNonNull(items, "items");
        check(stages);
        DataStream<StreamItem> staged = items;
        DataStream<DeadLetter> deadLetters = null;
        SingleOutputStreamOperator<FrameResult> results = null;
        for (int i = 0; i < stages.size(); i++) {
            ModelStage stage = stages.get(i);
            boolean last = i == stages.size() - 1;
            SingleOutputStreamOperator<?> operator;
            if (last) {
                results =
                        staged.transform(
                                stage.name(),
                                FrameResultTypeInfoFactory.TYPE_INFO,
                                new ModelStageOperatorFactory<FrameResult>(stage, true, annotate));
                operator = results;
            } else {
                SingleOutputStreamOperator<StreamItem> next =
                        staged.transform(
                                stage.name(),
                                StreamItemTypeInfoFactory.TYPE_INFO,
                                new ModelStageOperatorFactory<StreamItem>(stage, false));
                staged = next;
                operator = next;
            }
            operator.uid(uid(stage)).setParallelism(parallelism);
            DataStream<DeadLetter> rejected = operator.getSideOutput(DeadLetterOutput.TAG);
            deadLetters = deadLetters == null ? rejected : deadLetters.union(rejected);
        }
        return new Chain(results, deadLetters, annotate ? results.getSideOutput(ANNOTATED) : null);
    }

    /** The uid of a stage's operator: {@code frameflow-<kind>-<name>}. */
    public static String uid(ModelStage stage) {
        return "frameflow-" + stage.kind() + "-" + stage.name();
    }

    /** Checks the chaining rules; the message names the offending stage. */
    public static void check(List<ModelStage> stages) {
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one model stage");
        }
        Set<String> names = new HashSet<>();
        boolean restore = false;
        boolean segment = false;
        boolean primaryDetect = false;
        for (ModelStage stage : stages) {
            String what = stage.kind() + " stage '" + stage.name() + "'";
            if (!names.add(stage.name())) {
                throw new IllegalArgumentException(
                        what + ": another stage has the same name; stage names must be unique");
            }
            if (stage instanceof RestoreStage) {
                once(restore, what, "restore");
                restore = true;
            } else if (stage instanceof SegmentStage) {
                once(segment, what, "segment");
                segment = true;
            } else if (stage instanceof DetectStage detect) {
                if (detect.secondary()) {
                    if (!primaryDetect) {
                        throw new IllegalArgumentException(
                                what
                                        + ": runs on crops of "
                                        + detect.on()
                                        + " detections, but no detect stage without 'on' comes"
                                        + " before it");
                    }
                } else {
                    once(primaryDetect, what, "detect stage without 'on'");
                    primaryDetect = true;
                }
            }
        }
    }

    private static void once(boolean seen, String what, String kind) {
        if (seen) {
            throw new IllegalArgumentException(
                    what + ": a chain has at most one " + kind + " stage");
        }
    }
}
