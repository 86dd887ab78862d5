package io.frameflow.inference.convert;

/** A model could not be converted; the message names the node, the op and why. */
public class ModelConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelConversionException(String message) {
        super(message);
    }

    public ModelConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
