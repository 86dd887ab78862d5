package io.frameflow.inference.api;

import java.io.Serializable;

/**
 * Creates predictors where they run: the factory is built and validated on the client and
 * serialized into the job; each parallel instance of a model stage calls {@link #create()} once, in
 * its {@code open}, and closes the predictor in its {@code close}. A factory never downloads
 * anything: it only loads files that were fetched before the job started.
 */
public interface PredictorFactory<I, O> extends Serializable {

    /** Loads the model and returns a ready predictor. */
    Predictor<I, O> create();

    /** The model this factory loads, as {@code name@version}. */
    String modelId();
}
