package io.frameflow.operators.stage;

import io.frameflow.common.StreamItem;
import java.util.Objects;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/**
 * Creates a {@link ModelStageOperator} in each parallel instance. This is what is serialized into
 * the job: the stage (its predictor factory and batch options), nothing that holds a model.
 * Chaining is {@link ChainingStrategy#ALWAYS}, so that frames go from the source through every
 * model stage inside one task.
 *
 * @param <OUT> {@code StreamItem} for a stage in the middle of a chain, {@code FrameResult} for the
 *     last one
 */
public final class ModelStageOperatorFactory<OUT> extends AbstractStreamOperatorFactory<OUT>
        implements OneInputStreamOperatorFactory<StreamItem, OUT> {

    private static final long serialVersionUID = 1L;

    private final ModelStage stage;
    private final boolean last;
    private final boolean annotate;

    /**
     * @param last whether the stage ends the chain and emits {@code FrameResult}s; otherwise it
     *     emits {@code StagedFrame}s for the next stage
     */
    public ModelStageOperatorFactory(ModelStage stage, boolean last) {
        this(stage, last, false);
    }

    /**
     * @param last whether the stage ends the chain and emits {@code FrameResult}s; otherwise it
     *     emits {@code StagedFrame}s for the next stage
     * @param annotate (last stage only) whether each result also goes, with its source frame, to
     *     {@link ModelStages#ANNOTATED}
     */
    public ModelStageOperatorFactory(ModelStage stage, boolean last, boolean annotate) {
        this.stage = Objects.requireNonNull(stage, "stage");
        if (annotate && !last) {
            throw new IllegalArgumentException(
                    "stage '" + stage.name() + "': only the last stage can annotate frames");
        }
        this.last = last;
        this.annotate = annotate;
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<OUT>> T createStreamOperator(
            StreamOperatorParameters<OUT> parameters) {
        return (T) new ModelStageOperator<>(parameters, stage, last, annotate);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return ModelStageOperator.class;
    }

    public ModelStage stage() {
        return stage;
    }
}
