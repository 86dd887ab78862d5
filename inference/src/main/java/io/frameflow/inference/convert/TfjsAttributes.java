package io.frameflow.inference.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The {@code attr} map of a node in TF's JSON encoding of {@code AttrValue}: int64 values are
 * strings, strings are base64, and proto3 leaves out default values (an empty dimension is size 0).
 */
final class TfjsAttributes {
    private final JsonNode attr;

    TfjsAttributes(JsonNode attr) {
        this.attr = attr == null ? MissingNode.getInstance() : attr;
    }

    boolean has(String key) {
        return attr.has(key);
    }

    Optional<String> string(String key) {
        JsonNode value = attr.path(key).path("s");
        return value.isMissingNode() ? Optional.empty() : Optional.of(decode(value, key));
    }

    String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode value : attr.path(key).path("list").path("s")) {
            out.add(decode(value, key));
        }
        return out;
    }

    Optional<long[]> ints(String key) {
        if (!attr.has(key)) {
            return Optional.empty();
        }
        JsonNode list = attr.path(key).path("list");
        if (list.isMissingNode()) {
            throw wrongKind(key, "a list of ints");
        }
        JsonNode values = list.path("i");
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parseLong(values.get(i), key);
        }
        return Optional.of(out);
    }

    long integer(String key, long fallback) {
        JsonNode value = attr.path(key);
        if (value.isMissingNode()) {
            return fallback;
        }
        // proto3 leaves out a zero int
        return value.has("i") ? parseLong(value.get("i"), key) : 0;
    }

    float real(String key, float fallback) {
        JsonNode value = attr.path(key);
        if (value.isMissingNode()) {
            return fallback;
        }
        JsonNode f = value.path("f");
        if (f.isMissingNode()) {
            return 0f;
        }
        // proto3 JSON spells non-finite floats as strings
        return f.isTextual() ? Float.parseFloat(f.asText()) : (float) f.asDouble();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = attr.path(key);
        return value.isMissingNode() ? fallback : value.path("b").asBoolean(false);
    }

    Optional<TensorType> type(String key) {
        JsonNode value = attr.path(key).path("type");
        return value.isMissingNode()
                ? Optional.empty()
                : Optional.of(TensorType.fromTf(value.asText()));
    }

    /** A shape attribute: empty when the rank is unknown; -1 marks an unknown dimension. */
    Optional<long[]> shape(String key) {
        JsonNode shape = attr.path(key).path("shape");
        if (shape.isMissingNode() || shape.path("unknownRank").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(dims(shape, key));
    }

    /** The declared shape of a Const's {@code value} tensor, if there is one. */
    Optional<long[]> tensorShape(String key) {
        JsonNode shape = attr.path(key).path("tensor").path("tensorShape");
        return shape.isMissingNode() ? Optional.empty() : Optional.of(dims(shape, key));
    }

    static long[] dims(JsonNode shape, String key) {
        JsonNode dims = shape.path("dim");
        long[] out = new long[dims.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode size = dims.get(i).path("size");
            out[i] = size.isMissingNode() ? 0 : parseLong(size, key);
        }
        return out;
    }

    private static long parseLong(JsonNode value, String key) {
        try {
            return value.isNumber() ? value.asLong() : Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "attribute '" + key + "' holds '" + value.asText() + "', not an integer", e);
        }
    }

    private static String decode(JsonNode value, String key) {
        try {
            return new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "attribute '" + key + "' holds '" + value.asText() + "', not base64", e);
        }
    }

    private IllegalArgumentException wrongKind(String key, String expected) {
        return new IllegalArgumentException(
                "attribute '" + key + "' should be " + expected + ", got " + attr.path(key));
    }
}
