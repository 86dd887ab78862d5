package io.frameflow.inference.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a TF.js graph model's {@code model.json} and decodes the weights it lists. */
final class TfjsModelReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TfjsModelReader() {}

    static TfjsModel read(Path modelJson) throws IOException {
        JsonNode root = parse(modelJson);
        String format = root.path("format").asText("");
        JsonNode nodeList = root.path("modelTopology").path("node");
        if (!format.equals("graph-model") && !(format.isEmpty() && nodeList.isArray())) {
            throw new ModelConversionException(
                    modelJson
                            + " has format '"
                            + format
                            + "'; only TF.js graph models (format 'graph-model') can be"
                            + " converted");
        }
        if (!nodeList.isArray() || nodeList.isEmpty()) {
            throw new ModelConversionException(modelJson + " has no modelTopology.node list");
        }
        Map<String, TfjsNode> nodes = new LinkedHashMap<>();
        for (JsonNode json : nodeList) {
            TfjsNode node = parseNode(json, modelJson);
            if (nodes.put(node.name(), node) != null) {
                throw new ModelConversionException(
                        modelJson + " defines node '" + node.name() + "' twice");
            }
        }
        JsonNode signature = root.path("signature");
        return new TfjsModel(
                modelJson,
                nodes,
                signatureTensors(signature.path("inputs"), modelJson),
                signatureTensors(signature.path("outputs"), modelJson),
                new TfjsWeightDecoder(modelJson).decode(root.path("weightsManifest")));
    }

    private static JsonNode parse(Path modelJson) throws IOException {
        try (InputStream in = Files.newInputStream(modelJson)) {
            return JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ModelConversionException(
                    modelJson + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ModelConversionException(modelJson + " does not exist", e);
        }
    }

    private static TfjsNode parseNode(JsonNode json, Path modelJson) {
        String name = json.path("name").asText("");
        String op = json.path("op").asText("");
        if (name.isEmpty() || op.isEmpty()) {
            throw new ModelConversionException(
                    modelJson + " has a node without a name or op: " + json);
        }
        List<TensorRef> inputs = new ArrayList<>();
        for (JsonNode input : json.path("input")) {
            String text = input.asText();
            // control dependencies only order execution in TF; ONNX has no equivalent
            if (!text.startsWith("^")) {
                inputs.add(TensorRef.parse(text));
            }
        }
        return new TfjsNode(name, op, inputs, new TfjsAttributes(json.get("attr")));
    }

    private static List<TfjsModel.SignatureTensor> signatureTensors(JsonNode map, Path modelJson) {
        List<TfjsModel.SignatureTensor> out = new ArrayList<>();
        for (JsonNode entry : map) {
            String name = entry.path("name").asText("");
            if (name.isEmpty()) {
                throw new ModelConversionException(
                        modelJson + " has a signature entry without a name: " + entry);
            }
            JsonNode shape = entry.path("tensorShape");
            JsonNode dtype = entry.path("dtype");
            out.add(
                    new TfjsModel.SignatureTensor(
                            TensorRef.parse(name),
                            dtype.isMissingNode() ? null : TensorType.fromTf(dtype.asText()),
                            shape.isMissingNode() || shape.path("unknownRank").asBoolean(false)
                                    ? null
                                    : TfjsAttributes.dims(shape, name)));
        }
        return out;
    }
}
