package io.frameflow.inference.catalog;

/**
 * A model is not in the local cache, or its cached files are damaged. Jobs never download at run
 * time, so the model must be fetched before the job starts.
 */
public class ModelNotCachedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelNotCachedException(String message) {
        super(message);
    }
}
