package io.frameflow.operators.detect;

import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.operators.batch.BatchOptions;
import java.util.List;
import java.util.Objects;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/**
 * Creates a {@link DetectionOperator} in each parallel instance. This is what is serialized into
 * the job: the predictor factory and the batch options, nothing that holds a model. Chaining is
 * {@link ChainingStrategy#ALWAYS}, so that frames go from the source to the model inside one task.
 */
public final class DetectionOperatorFactory extends AbstractStreamOperatorFactory<FrameResult>
        implements OneInputStreamOperatorFactory<StreamItem, FrameResult> {

    private static final long serialVersionUID = 1L;

    private final PredictorFactory<BgrImage, List<DetectedObject>> predictorFactory;
    private final BatchOptions options;

    public DetectionOperatorFactory(
            PredictorFactory<BgrImage, List<DetectedObject>> predictorFactory,
            BatchOptions options) {
        this.predictorFactory = Objects.requireNonNull(predictorFactory, "predictorFactory");
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(predictorFactory.modelId(), "predictorFactory.modelId()");
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<FrameResult>> T createStreamOperator(
            StreamOperatorParameters<FrameResult> parameters) {
        return (T) new DetectionOperator(parameters, predictorFactory, options);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return DetectionOperator.class;
    }

    /** The model the operators will load, as {@code name@version}. */
    public String modelId() {
        return predictorFactory.modelId();
    }

    public BatchOptions options() {
        return options;
    }
}
