package io.frameflow.inference.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes small TF.js graph models (model.json plus one weight shard) the way the TF.js converter
 * lays them out, for tests.
 */
final class TfjsModelFixture {
    static final String SHARD = "group1-shard1of1.bin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode nodes;
    private final ArrayNode weights;
    private final ObjectNode signatureInputs;
    private final ObjectNode signatureOutputs;
    private final ByteArrayOutputStream shard = new ByteArrayOutputStream();

    TfjsModelFixture() {
        root.put("format", "graph-model");
        nodes = root.putObject("modelTopology").putArray("node");
        ObjectNode signature = root.putObject("signature");
        signatureInputs = signature.putObject("inputs");
        signatureOutputs = signature.putObject("outputs");
        ObjectNode group = root.putArray("weightsManifest").addObject();
        group.putArray("paths").add(SHARD);
        weights = group.putArray("weights");
    }

    /** The model.json tree, for tests that break it on purpose. */
    ObjectNode json() {
        return root;
    }

    TfjsModelFixture placeholder(String name, long... shape) {
        ObjectNode node = node(name, "Placeholder", List.of());
        ((ObjectNode) node.get("attr"))
                .set("shape", JSON.createObjectNode().set("shape", shapeJson(shape)));
        ((ObjectNode) node.get("attr"))
                .set("dtype", JSON.createObjectNode().put("type", "DT_FLOAT"));
        ObjectNode input = signatureInputs.putObject(name + ":0");
        input.put("name", name + ":0")
                .put("dtype", "DT_FLOAT")
                .set("tensorShape", shapeJson(shape));
        return this;
    }

    TfjsModelFixture floatConst(String name, long[] shape, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        shard.writeBytes(bytes.array());
        constNode(name, shape, "DT_FLOAT");
        weight(name, shape, "float32");
        return this;
    }

    /** A float weight stored as IEEE half; every value must be exact in half precision. */
    TfjsModelFixture float16Const(String name, long[] shape, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putShort(HalfEncoding.exactHalf(value));
        }
        shard.writeBytes(bytes.array());
        constNode(name, shape, "DT_FLOAT");
        weight(name, shape, "float32").putObject("quantization").put("dtype", "float16");
        return this;
    }

    /** A float weight stored as uint8 codes {@code q}, meaning {@code q * scale + min}. */
    TfjsModelFixture uint8Const(String name, long[] shape, int[] codes, double scale, double min) {
        for (int code : codes) {
            shard.write(code);
        }
        constNode(name, shape, "DT_FLOAT");
        weight(name, shape, "float32")
                .putObject("quantization")
                .put("dtype", "uint8")
                .put("scale", scale)
                .put("min", min);
        return this;
    }

    /** A float weight stored as uint16 codes {@code q}, meaning {@code q * scale + min}. */
    TfjsModelFixture uint16Const(String name, long[] shape, int[] codes, double scale, double min) {
        ByteBuffer bytes = ByteBuffer.allocate(2 * codes.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int code : codes) {
            bytes.putShort((short) code);
        }
        shard.writeBytes(bytes.array());
        constNode(name, shape, "DT_FLOAT");
        weight(name, shape, "float32")
                .putObject("quantization")
                .put("dtype", "uint16")
                .put("scale", scale)
                .put("min", min);
        return this;
    }

    TfjsModelFixture boolConst(String name, boolean... values) {
        for (boolean value : values) {
            shard.write(value ? 1 : 0);
        }
        constNode(name, new long[] {values.length}, "DT_BOOL");
        weight(name, new long[] {values.length}, "bool");
        return this;
    }

    /** An integer constant stored as int32, declared as {@code tfType} (DT_INT32 or DT_INT64). */
    TfjsModelFixture intConst(String name, long[] shape, long[] values, String tfType) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            bytes.putInt(Math.toIntExact(value));
        }
        shard.writeBytes(bytes.array());
        constNode(name, shape, tfType);
        weight(name, shape, "int32");
        return this;
    }

    TfjsModelFixture intVector(String name, long... values) {
        return intConst(name, new long[] {values.length}, values, "DT_INT32");
    }

    TfjsModelFixture intScalar(String name, long value) {
        return intConst(name, new long[0], new long[] {value}, "DT_INT32");
    }

    @SafeVarargs
    final TfjsModelFixture op(
            String name, String op, List<String> inputs, Map.Entry<String, JsonNode>... attrs) {
        ObjectNode node = node(name, op, inputs);
        ((ObjectNode) node.get("attr")).set("T", JSON.createObjectNode().put("type", "DT_FLOAT"));
        for (Map.Entry<String, JsonNode> attr : attrs) {
            ((ObjectNode) node.get("attr")).set(attr.getKey(), attr.getValue());
        }
        return this;
    }

    /** Adds a signature output; without a shape the signature leaves the shape unknown. */
    TfjsModelFixture output(String ref, long... shape) {
        String name = ref.contains(":") ? ref : ref + ":0";
        ObjectNode output = signatureOutputs.putObject(name);
        output.put("name", name).put("dtype", "DT_FLOAT");
        if (shape.length > 0) {
            output.set("tensorShape", shapeJson(shape));
        }
        return this;
    }

    /** Writes model.json and the shard into {@code dir}; returns the model.json path. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path modelJson = dir.resolve("model.json");
        JSON.writeValue(modelJson.toFile(), root);
        Files.write(dir.resolve(SHARD), shard.toByteArray());
        return modelJson;
    }

    /** Like {@link #write} but cuts the weights into shards at the given byte offsets. */
    Path writeSharded(Path dir, int... cuts) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = shard.toByteArray();
        ArrayNode paths = ((ObjectNode) root.get("weightsManifest").get(0)).putArray("paths");
        int start = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int end = i < cuts.length ? cuts[i] : bytes.length;
            String name = "group1-shard" + (i + 1) + "of" + (cuts.length + 1) + ".bin";
            Files.write(dir.resolve(name), java.util.Arrays.copyOfRange(bytes, start, end));
            paths.add(name);
            start = end;
        }
        Path modelJson = dir.resolve("model.json");
        JSON.writeValue(modelJson.toFile(), root);
        return modelJson;
    }

    private ObjectNode node(String name, String op, List<String> inputs) {
        ObjectNode node = nodes.addObject().put("name", name).put("op", op);
        ArrayNode in = node.putArray("input");
        inputs.forEach(in::add);
        node.putObject("attr");
        return node;
    }

    private void constNode(String name, long[] shape, String tfType) {
        ObjectNode attr = (ObjectNode) node(name, "Const", List.of()).get("attr");
        attr.putObject("dtype").put("type", tfType);
        ObjectNode tensor = attr.putObject("value").putObject("tensor");
        tensor.put("dtype", tfType).set("tensorShape", shapeJson(shape));
    }

    private ObjectNode weight(String name, long[] shape, String dtype) {
        ObjectNode weight = weights.addObject().put("name", name);
        ArrayNode dims = weight.putArray("shape");
        for (long dim : shape) {
            dims.add(dim);
        }
        weight.put("dtype", dtype);
        return weight;
    }

    /** A TensorShapeProto in proto3 JSON: int64 as strings, a 0 size left out. */
    static ObjectNode shapeJson(long... shape) {
        ObjectNode json = JSON.createObjectNode();
        ArrayNode dims = json.putArray("dim");
        for (long dim : shape) {
            ObjectNode d = dims.addObject();
            if (dim != 0) {
                d.put("size", Long.toString(dim));
            }
        }
        return json;
    }
}
