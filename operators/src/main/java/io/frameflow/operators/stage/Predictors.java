package io.frameflow.operators.stage;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;

/** Creates a stage's predictor and checks that it runs the model the factory promised. */
final class Predictors {
    private Predictors() {}

    static <I, O> Predictor<I, O> create(
            PredictorFactory<I, O> factory, String stage, String task) {
        String expected = factory.modelId();
        Predictor<I, O> predictor;
        try {
            predictor = factory.create();
        } catch (RuntimeException e) {
            throw new InferenceException(
                    "failed to load model "
                            + expected
                            + " in "
                            + task
                            + ", stage "
                            + stage
                            + ": "
                            + e.getMessage(),
                    e);
        }
        if (!expected.equals(predictor.modelId())) {
            predictor.close();
            // Results are identified by (stream, seq, model): a wrong model id would corrupt them.
            throw new IllegalStateException(
                    "predictor factory for model "
                            + expected
                            + " created a predictor for model "
                            + predictor.modelId());
        }
        return predictor;
    }
}
