package io.frameflow.jobs.spec;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain-words names of the types a pipeline file may hold, for error messages. */
final class TypeNames {
    private TypeNames() {}

    static String describe(Class<?> type) {
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (type == DurationValue.class) {
            return "a duration such as 50ms, 10s, 5m";
        }
        if (type.isEnum()) {
            return "one of " + enumNames(type);
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a map of keys";
        }
        return "a " + type.getSimpleName();
    }

    private static String enumNames(Class<?> type) {
        return Arrays.stream(type.getFields())
                .filter(java.lang.reflect.Field::isEnumConstant)
                .map(
                        f -> {
                            com.fasterxml.jackson.annotation.JsonProperty p =
                                    f.getAnnotation(
                                            com.fasterxml.jackson.annotation.JsonProperty.class);
                            return p != null ? p.value() : f.getName();
                        })
                .collect(Collectors.joining(", "));
    }
}
