package io.frameflow.inference.spec;

/**
 * A value in a model spec is out of range. Thrown by the spec records' constructors with the key
 * relative to the record being built; {@link ModelSpecLoader} prefixes the file name and the path
 * of that record.
 */
public class SpecValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    /**
     * @param key the key relative to the record that rejected it, e.g. {@code width}
     * @param problem what is wrong and what would be valid, e.g. {@code -5 is not a positive
     *     integer}
     */
    public SpecValueException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
