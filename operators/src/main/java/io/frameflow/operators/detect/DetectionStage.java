package io.frameflow.operators.detect;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.operators.DeadLetterOutput;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.stage.DetectStage;
import io.frameflow.operators.stage.ModelStages;
import java.util.List;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SideOutputDataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Adds a detection stage to a job. The input must come from a video source in the same task
 * (forward connection, same parallelism), so that frames are handed over by reference:
 *
 * <pre>{@code
 * SingleOutputStreamOperator<FrameResult> results =
 *         DetectionStage.apply(items, nanodet, BatchOptions.defaults(), "detect");
 * DataStream<DeadLetter> deadLetters = DetectionStage.deadLetters(results);
 * }</pre>
 *
 * After the job, {@code
 * result.getAccumulatorResult(ModelStageOperator.FRAMES_ANALYSED_ACCUMULATOR)} is the number of
 * frame results emitted. A chain of several stages is built with {@code ModelStages}.
 */
public final class DetectionStage {

    private static final String UID_PREFIX = "frameflow-detect-";

    private DetectionStage() {}

    /**
     * Appends the stage to {@code items}.
     *
     * @param name the operator's name, unique among the job's detection stages; the stage's uid is
     *     derived from it (see {@link #uid(String)}), so keep it stable across releases of a job
     * @return the frame results; the dead letters are its {@link DeadLetterOutput#TAG} side output
     */
    public static SingleOutputStreamOperator<FrameResult> apply(
            DataStream<StreamItem> items,
            PredictorFactory<BgrImage, List<DetectedObject>> predictorFactory,
            BatchOptions options,
            String name) {
        Objects.requireNonNull(items, "items");
        checkName(name);
        return ModelStages.apply(
                        items,
                        List.of(DetectStage.primary(name, predictorFactory, options)),
                        items.getParallelism())
                .results();
    }

    /** The dead letters of a stage made by {@link #apply}: the source's and the model's. */
    public static SideOutputDataStream<DeadLetter> deadLetters(
            SingleOutputStreamOperator<FrameResult> stage) {
        return stage.getSideOutput(DeadLetterOutput.TAG);
    }

    /** The uid {@link #apply} gives a stage of this name (see {@link ModelStages#uid}). */
    public static String uid(String name) {
        checkName(name);
        return UID_PREFIX + name;
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "detection stage name must be a non-blank string, got "
                            + (name == null ? "nothing" : "'" + name + "'"));
        }
    }
}
