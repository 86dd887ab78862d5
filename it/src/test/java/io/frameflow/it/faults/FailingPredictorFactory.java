package io.frameflow.it.faults;

import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real predictor that kills its task at planned points: the model stage throws while it analyses
 * the frame that is the n-th one predicted in the whole test (counting frames replayed after a
 * restart too), for each planned {@code "model:n"}. The frames themselves are analysed by the
 * wrapped, real predictor.
 */
public final class FailingPredictorFactory<I, O> implements PredictorFactory<I, O> {
    private static final long serialVersionUID = 1L;
    private static final AtomicLong predicted = new AtomicLong();

    private final PredictorFactory<I, O> inner;

    public FailingPredictorFactory(PredictorFactory<I, O> inner) {
        this.inner = inner;
    }

    /** Restarts the count of predicted frames. */
    public static void reset() {
        predicted.set(0);
    }

    /** Frames predicted so far in the test. */
    public static long predicted() {
        return predicted.get();
    }

    @Override
    public Predictor<I, O> create() {
        Predictor<I, O> real = inner.create();
        return new Predictor<>() {
            @Override
            public List<O> predict(List<I> inputs) {
                for (int i = 0; i < inputs.size(); i++) {
                    long n = predicted.incrementAndGet();
                    if (FailurePlan.claim("model:" + n)) {
                        // an exception would only reject this frame (a dead letter); a kill
                        // takes the task down
                        throw new InjectedTaskKill(
                                "injected failure in the model stage at predicted frame " + n);
                    }
                }
                return real.predict(inputs);
            }

            @Override
            public String modelId() {
                return real.modelId();
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Override
    public String modelId() {
        return inner.modelId();
    }
}
