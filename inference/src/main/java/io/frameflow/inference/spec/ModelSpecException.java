package io.frameflow.inference.spec;

/**
 * A model spec could not be read or is invalid. The message names the file, the key path, the bad
 * value and what would be valid, e.g. {@code nanodet-coco.yaml: input.layout: 'NWHC' is not one of
 * NCHW, NHWC}.
 */
public class ModelSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelSpecException(String message) {
        super(message);
    }

    public ModelSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
