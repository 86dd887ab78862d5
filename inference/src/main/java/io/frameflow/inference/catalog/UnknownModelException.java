package io.frameflow.inference.catalog;

/** A model name that the catalog does not have; the message lists the names it has. */
public class UnknownModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownModelException(String message) {
        super(message);
    }
}
