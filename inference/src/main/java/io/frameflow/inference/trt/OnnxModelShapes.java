package io.frameflow.inference.trt;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.runtime.ModelSignature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The graph inputs and outputs of an ONNX file as its protobuf declares them (batch dimension
 * included, -1 where a dimension is symbolic or missing). TensorRT needs the per-item input shape
 * before it parses the network, to choose the optimisation profile and the engine cache key.
 *
 * @param modelId for messages
 * @param file for messages
 * @param inputs full shape of each graph input that is not an initializer, by name
 * @param inputTypes ONNX element type of each such input
 * @param outputs full shape of each float graph output, by name
 */
record OnnxModelShapes(
        String modelId,
        Path file,
        Map<String, long[]> inputs,
        Map<String, Integer> inputTypes,
        Map<String, long[]> outputs) {

    /**
     * Reads the shapes of {@code file}.
     *
     * @throws InferenceException naming the model and file if it is not an ONNX model
     */
    static OnnxModelShapes read(String modelId, Path file) {
        OnnxMl.ModelProto model;
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE);
            model = OnnxMl.ModelProto.parseFrom(coded);
        } catch (IOException e) {
            throw new InferenceException(
                    "model " + modelId + ": " + file + " is not an ONNX model: " + e.getMessage(),
                    e);
        }
        if (!model.hasGraph() || model.getGraph().getOutputCount() == 0) {
            throw new InferenceException(
                    "model " + modelId + ": " + file + " is not an ONNX model (no graph outputs)");
        }
        OnnxMl.GraphProto graph = model.getGraph();
        Set<String> initializers =
                graph.getInitializerList().stream()
                        .map(OnnxMl.TensorProto::getName)
                        .collect(Collectors.toSet());
        Map<String, long[]> inputs = new LinkedHashMap<>();
        Map<String, Integer> types = new LinkedHashMap<>();
        for (OnnxMl.ValueInfoProto input : graph.getInputList()) {
            if (!initializers.contains(input.getName())) {
                inputs.put(input.getName(), shape(input));
                types.put(input.getName(), input.getType().getTensorType().getElemType());
            }
        }
        Map<String, long[]> outputs = new LinkedHashMap<>();
        for (OnnxMl.ValueInfoProto output : graph.getOutputList()) {
            if (output.getType().getTensorType().getElemType()
                    == OnnxMl.TensorProto.DataType.FLOAT_VALUE) {
                outputs.put(output.getName(), shape(output));
            }
        }
        return new OnnxModelShapes(modelId, file, inputs, types, outputs);
    }

    private static long[] shape(OnnxMl.ValueInfoProto value) {
        OnnxMl.TypeProto.Tensor tensor = value.getType().getTensorType();
        return tensor.getShape().getDimList().stream()
                .mapToLong(d -> d.hasDimValue() && d.getDimValue() > 0 ? d.getDimValue() : -1)
                .toArray();
    }

    /**
     * Fails unless the model has exactly one input, the float tensor the translator fills, with a
     * batch dimension.
     */
    void checkInput(String fedInput) {
        if (!inputs.keySet().equals(Set.of(fedInput))) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " ("
                            + file
                            + ") has inputs "
                            + inputs.keySet()
                            + "; its translator fills only '"
                            + fedInput
                            + "'");
        }
        if (inputTypes.get(fedInput) != OnnxMl.TensorProto.DataType.FLOAT_VALUE) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " ("
                            + file
                            + "): input '"
                            + fedInput
                            + "' is not a float tensor (ONNX element type "
                            + inputTypes.get(fedInput)
                            + ")");
        }
        if (inputs.get(fedInput).length == 0) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + " ("
                            + file
                            + "): input '"
                            + fedInput
                            + "' is a scalar; it needs a batch dimension");
        }
    }

    /** The batch size the model fixes for its input, or -1 if it is dynamic. */
    int inputBatch(String input) {
        long batch = inputs.get(input)[0];
        return batch > 0 ? Math.toIntExact(batch) : -1;
    }

    /** Whether any dimension of the input is dynamic, so that an optimisation profile is needed. */
    boolean hasDynamicInput(String input) {
        return Arrays.stream(inputs.get(input)).anyMatch(d -> d < 0);
    }

    /** Per-item shapes (batch dimension removed), as the ONNX Runtime backend reports them. */
    ModelSignature signature() {
        return new ModelSignature(modelId, perItem(inputs), perItem(outputs));
    }

    private static Map<String, long[]> perItem(Map<String, long[]> shapes) {
        Map<String, long[]> perItem = new LinkedHashMap<>();
        shapes.forEach(
                (name, shape) -> {
                    if (shape.length > 0) {
                        perItem.put(name, Arrays.copyOfRange(shape, 1, shape.length));
                    }
                });
        return perItem;
    }

    /** The declared float outputs, in graph order. */
    List<String> outputNames() {
        return List.copyOf(outputs.keySet());
    }
}
