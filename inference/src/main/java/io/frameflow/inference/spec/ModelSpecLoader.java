package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Reads {@link ModelSpec}s from YAML. Unknown keys, wrong types and out-of-range values all fail
 * with a {@link ModelSpecException} whose message starts with the source name and the key path.
 */
public final class ModelSpecLoader {

    private static final ObjectMapper MAPPER =
            YAMLMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private ModelSpecLoader() {}

    /** Reads a spec file; the message of any error starts with the file name. */
    public static ModelSpec load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new ModelSpecException("cannot read model spec " + file + ": " + e, e);
        }
    }

    /**
     * Reads a spec from a stream.
     *
     * @param sourceName the name errors start with, e.g. the file or resource name
     */
    public static ModelSpec read(String sourceName, InputStream in) throws IOException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() == null) {
                throw new ModelSpecException(sourceName + ": the document is empty");
            }
            return MAPPER.readValue(parser, ModelSpec.class);
        } catch (JsonMappingException e) {
            throw new ModelSpecException(sourceName + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ModelSpecException(
                    sourceName + ": " + location(e) + "invalid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            return path + ": unknown key; valid keys: " + validKeys(u);
        }
        if (e instanceof InvalidTypeIdException t) {
            String valid = validTypeIds(t.getBaseType().getRawClass());
            String where = path.isEmpty() ? "type" : path + ".type";
            return t.getTypeId() == null
                    ? where + ": missing (required); one of " + valid
                    : where + ": '" + t.getTypeId() + "' is not one of " + valid;
        }
        if (e instanceof ValueInstantiationException
                && e.getCause() instanceof SpecValueException v) {
            return join(path, v.key()) + ": " + v.problem();
        }
        if (e instanceof InvalidFormatException f) {
            return path + ": '" + f.getValue() + "' is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return mismatch(path, m);
        }
        return location(e) + e.getOriginalMessage();
    }

    private static String mismatch(String path, MismatchedInputException m) {
        String message = m.getOriginalMessage();
        String missing = "Missing required creator property '";
        int at = message.indexOf(missing);
        if (at >= 0) {
            int start = at + missing.length();
            String key = message.substring(start, message.indexOf('\'', start));
            boolean pathNamesKey = path.equals(key) || path.endsWith("." + key);
            return (pathNamesKey ? path : join(path, key)) + ": missing (required)";
        }
        if (m.getTargetType() != null) {
            return (path.isEmpty() ? "document" : path)
                    + ": expected "
                    + expected(m.getTargetType())
                    + " ("
                    + location(m).trim()
                    + ")";
        }
        return path + ": " + message;
    }

    /** The keys of the record that met the unknown key, in declaration order. */
    private static String validKeys(UnrecognizedPropertyException u) {
        Class<?> type = u.getReferringClass();
        if (type != null && type.isRecord()) {
            return Arrays.stream(type.getRecordComponents())
                    .map(ModelSpecLoader::yamlKey)
                    .collect(Collectors.joining(", "));
        }
        return u.getKnownPropertyIds().stream()
                .map(String::valueOf)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static String yamlKey(RecordComponent component) {
        JsonProperty p = component.getAnnotation(JsonProperty.class);
        if (p != null && !p.value().isEmpty()) {
            return p.value();
        }
        return PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(component.getName());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String join(String path, String key) {
        if (path.isEmpty()) {
            return key;
        }
        return key.startsWith("[") ? path + key : path + "." + key;
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + enumNames(type);
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys";
    }

    /** The YAML spellings of an enum's constants, in declaration order. */
    static String enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(c -> yamlName(enumType, (Enum<?>) c))
                .collect(Collectors.joining(", "));
    }

    private static String yamlName(Class<?> enumType, Enum<?> constant) {
        try {
            JsonProperty p = enumType.getField(constant.name()).getAnnotation(JsonProperty.class);
            return p == null ? constant.name() : p.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("enum constant without a field: " + constant, e);
        }
    }

    private static String validTypeIds(Class<?> baseType) {
        JsonSubTypes sub = baseType.getAnnotation(JsonSubTypes.class);
        return sub == null
                ? "(none)"
                : Arrays.stream(sub.value())
                        .map(JsonSubTypes.Type::name)
                        .collect(Collectors.joining(", "));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : "line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()
                        + ": ";
    }
}
