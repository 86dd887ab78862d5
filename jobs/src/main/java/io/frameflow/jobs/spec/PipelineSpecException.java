package io.frameflow.jobs.spec;

/**
 * A pipeline file is wrong. The message is one line naming the file, the key (and line, where
 * known) and the bad value, e.g. {@code demo.yaml: line 9: stages[0].detect: unknown key 'treshold'
 * (did you mean 'threshold'?)}.
 */
public class PipelineSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineSpecException(String message) {
        super(message);
    }

    public PipelineSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
