package io.frameflow.inference.detect;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small ONNX models for decoder tests whose outputs are known exactly: each output is a
 * given constant tensor plus 0 x max(input), so the graph reads its input (as a real detector does)
 * but its outputs do not depend on the picture.
 */
final class ConstantOutputModel {
    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;

    private final String inputName;
    private final long[] inputShape;
    private final Map<String, long[]> shapes = new LinkedHashMap<>();
    private final Map<String, float[]> values = new LinkedHashMap<>();

    /**
     * @param inputShape the full input shape, batch dimension included, e.g. [1, 3, 64, 64]
     */
    ConstantOutputModel(String inputName, long... inputShape) {
        this.inputName = inputName;
        this.inputShape = inputShape.clone();
    }

    /** Adds an output of this full shape, all zeros until {@link #set} fills it. */
    ConstantOutputModel output(String name, long... shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        shapes.put(name, shape.clone());
        values.put(name, new float[Math.toIntExact(count)]);
        return this;
    }

    /** Sets consecutive elements of an output, starting at a flat (row-major) index. */
    ConstantOutputModel set(String output, int index, float... elements) {
        System.arraycopy(elements, 0, values.get(output), index, elements.length);
        return this;
    }

    Path write(Path file) throws IOException {
        OnnxMl.GraphProto.Builder graph =
                OnnxMl.GraphProto.newBuilder()
                        .setName("constant-outputs")
                        .addInput(valueInfo(inputName, inputShape))
                        .addInitializer(scalar("zero", 0f))
                        .addNode(
                                node("ReduceMax", List.of(inputName), "input_max")
                                        .addAttribute(
                                                OnnxMl.AttributeProto.newBuilder()
                                                        .setName("keepdims")
                                                        .setType(
                                                                OnnxMl.AttributeProto.AttributeType
                                                                        .INT)
                                                        .setI(0)))
                        .addNode(node("Mul", List.of("input_max", "zero"), "no_change"));
        for (Map.Entry<String, long[]> output : shapes.entrySet()) {
            String name = output.getKey();
            graph.addInitializer(tensor(name + "_value", output.getValue(), values.get(name)));
            graph.addNode(node("Add", List.of(name + "_value", "no_change"), name));
            graph.addOutput(valueInfo(name, output.getValue()));
        }
        OnnxMl.ModelProto model =
                OnnxMl.ModelProto.newBuilder()
                        .setIrVersion(7)
                        .setProducerName("frameflow-test")
                        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13))
                        .setGraph(graph)
                        .build();
        Files.write(file, model.toByteArray());
        return file;
    }

    private static OnnxMl.NodeProto.Builder node(String op, List<String> inputs, String output) {
        return OnnxMl.NodeProto.newBuilder()
                .setOpType(op)
                .setName(output)
                .addAllInput(inputs)
                .addOutput(output);
    }

    private static OnnxMl.TensorProto scalar(String name, float value) {
        return OnnxMl.TensorProto.newBuilder()
                .setName(name)
                .setDataType(FLOAT)
                .addFloatData(value)
                .build();
    }

    private static OnnxMl.TensorProto tensor(String name, long[] shape, float[] data) {
        OnnxMl.TensorProto.Builder tensor =
                OnnxMl.TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        for (long d : shape) {
            tensor.addDims(d);
        }
        List<Float> boxed = new ArrayList<>(data.length);
        for (float v : data) {
            boxed.add(v);
        }
        return tensor.addAllFloatData(boxed).build();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, long[] shape) {
        OnnxMl.TensorShapeProto.Builder dims = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : shape) {
            dims.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(
                        OnnxMl.TypeProto.newBuilder()
                                .setTensorType(
                                        OnnxMl.TypeProto.Tensor.newBuilder()
                                                .setElemType(FLOAT)
                                                .setShape(dims)))
                .build();
    }
}
