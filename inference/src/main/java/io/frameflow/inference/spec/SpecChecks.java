package io.frameflow.inference.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Range checks shared by the spec records; each throws {@link SpecValueException} naming the key.
 */
final class SpecChecks {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+~-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private SpecChecks() {}

    static <T> T required(String key, T value) {
        if (value == null) {
            throw new SpecValueException(key, "missing (required)");
        }
        return value;
    }

    static String name(String key, String value) {
        required(key, value);
        if (!NAME.matcher(value).matches()) {
            throw new SpecValueException(
                    key,
                    quote(value)
                            + " is not a valid name: use lower-case letters, digits, '.', '_'"
                            + " and '-', starting with a letter or digit");
        }
        return value;
    }

    static String version(String key, String value) {
        required(key, value);
        if (!VERSION.matcher(value).matches()) {
            throw new SpecValueException(
                    key,
                    quote(value)
                            + " is not a valid version: use letters, digits and '.', '_', '+',"
                            + " '~', '-', starting with a letter or digit");
        }
        return value;
    }

    static String sha256(String key, String value) {
        required(key, value);
        if (!SHA256.matcher(value).matches()) {
            throw new SpecValueException(
                    key,
                    quote(value) + " is not a sha256 digest: expected 64 lower-case hex digits");
        }
        return value;
    }

    static String nonBlank(String key, String value) {
        required(key, value);
        if (value.isBlank()) {
            throw new SpecValueException(key, "must not be empty");
        }
        return value;
    }

    /** A relative path inside an archive: no leading '/', no '..' segment. */
    static String archivePath(String key, String value) {
        nonBlank(key, value);
        if (value.startsWith("/") || List.of(value.split("/")).contains("..")) {
            throw new SpecValueException(
                    key,
                    quote(value)
                            + " is not a relative path inside the package (no leading '/', no"
                            + " '..')");
        }
        return value;
    }

    static int positive(String key, Integer value) {
        required(key, value);
        if (value <= 0) {
            throw new SpecValueException(key, value + " is not a positive integer");
        }
        return value;
    }

    static double positive(String key, Double value) {
        required(key, value);
        if (!(value > 0) || value.isInfinite()) {
            throw new SpecValueException(key, value + " is not a positive number");
        }
        return value;
    }

    /** A probability-like threshold in (0, 1]. */
    static double unitInterval(String key, Double value) {
        required(key, value);
        if (!(value > 0 && value <= 1)) {
            throw new SpecValueException(key, value + " is not in (0, 1]");
        }
        return value;
    }

    static <T> List<T> nonEmpty(String key, List<T> values) {
        required(key, values);
        if (values.isEmpty()) {
            throw new SpecValueException(key, "must not be empty");
        }
        for (int i = 0; i < values.size(); i++) {
            required(key + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    /** A list with one entry per stride of a multi-level head. */
    static <T> List<T> perLevel(String key, List<T> values, List<Integer> strides) {
        if (values.size() != strides.size()) {
            throw new SpecValueException(
                    key,
                    values
                            + " has "
                            + values.size()
                            + " entries; expected "
                            + strides.size()
                            + ", one per stride");
        }
        return values;
    }

    static String quote(Object value) {
        return "'" + value + "'";
    }
}
