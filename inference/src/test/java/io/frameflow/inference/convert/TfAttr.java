package io.frameflow.inference.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Node attributes in TF's JSON encoding of AttrValue, as the TF.js converter writes them. */
final class TfAttr {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TfAttr() {}

    static Map.Entry<String, JsonNode> s(String key, String value) {
        return Map.entry(key, JSON.objectNode().put("s", base64(value)));
    }

    static Map.Entry<String, JsonNode> ints(String key, long... values) {
        ObjectNode list = JSON.objectNode();
        ArrayNode items = list.putArray("i");
        for (long value : values) {
            items.add(Long.toString(value));
        }
        return Map.entry(key, JSON.objectNode().set("list", list));
    }

    static Map.Entry<String, JsonNode> strings(String key, String... values) {
        ObjectNode list = JSON.objectNode();
        ArrayNode items = list.putArray("s");
        for (String value : values) {
            items.add(base64(value));
        }
        return Map.entry(key, JSON.objectNode().set("list", list));
    }

    static Map.Entry<String, JsonNode> i(String key, long value) {
        return Map.entry(key, JSON.objectNode().put("i", Long.toString(value)));
    }

    static Map.Entry<String, JsonNode> f(String key, double value) {
        return Map.entry(key, JSON.objectNode().put("f", value));
    }

    static Map.Entry<String, JsonNode> b(String key, boolean value) {
        return Map.entry(key, JSON.objectNode().put("b", value));
    }

    static Map.Entry<String, JsonNode> type(String key, String tfType) {
        return Map.entry(key, JSON.objectNode().put("type", tfType));
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
