package io.frameflow.inference.fetch;

/** A package or file could not be fetched; the message names the package and the cause. */
public class FetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
