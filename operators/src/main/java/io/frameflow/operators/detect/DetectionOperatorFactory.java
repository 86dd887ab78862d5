package io.frameflow.operators.detect;

import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.stage.DetectStage;
import io.frameflow.operators.stage.ModelStageOperator;
import io.frameflow.operators.stage.ModelStageOperatorFactory;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/**
 * Creates the operator of a pipeline whose only model stage is a detection stage named {@value
 * #STAGE}: a {@link ModelStageOperator} that emits {@link FrameResult}s. Kept for jobs and tests
 * that run a single detector; chains of stages use {@code ModelStages}.
 */
public final class DetectionOperatorFactory extends AbstractStreamOperatorFactory<FrameResult>
        implements OneInputStreamOperatorFactory<StreamItem, FrameResult> {

    /** The stage name, and so the {@code stage} of the dead letters of rejected frames. */
    public static final String STAGE = "detect";

    private static final long serialVersionUID = 1L;

    private final ModelStageOperatorFactory<FrameResult> delegate;
    private final BatchOptions options;

    public DetectionOperatorFactory(
            PredictorFactory<BgrImage, List<DetectedObject>> predictorFactory,
            BatchOptions options) {
        this.delegate =
                new ModelStageOperatorFactory<>(
                        DetectStage.primary(STAGE, predictorFactory, options), true);
        this.options = options;
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    public <T extends StreamOperator<FrameResult>> T createStreamOperator(
            StreamOperatorParameters<FrameResult> parameters) {
        return delegate.createStreamOperator(parameters);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return ModelStageOperator.class;
    }

    /** The model the operators will load, as {@code name@version}. */
    public String modelId() {
        return delegate.stage().modelId();
    }

    public BatchOptions options() {
        return options;
    }
}
