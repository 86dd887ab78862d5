package io.frameflow.inference.onnx;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small ONNX models for predictor tests: {@code y = x + [1, 2, 3]} and {@code z = 2 * x}
 * over an input {@code x} of shape [batch, 3], with the batch dimension fixed or dynamic. Public
 * because the runtime and TensorRT tests load the same models.
 */
public final class TinyOnnxModels {
    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;

    private TinyOnnxModels() {}

    /**
     * @param batch a fixed batch size, or 0 for a dynamic one
     */
    public static Path addAndDouble(Path dir, int batch) throws IOException {
        OnnxMl.GraphProto graph =
                OnnxMl.GraphProto.newBuilder()
                        .setName("add-and-double")
                        .addInitializer(constant("offset", 1f, 2f, 3f))
                        .addInitializer(constant("two", 2f))
                        .addNode(node("Add", "x", "offset", "y"))
                        .addNode(node("Mul", "x", "two", "z"))
                        .addInput(tensor("x", batch))
                        .addOutput(tensor("y", batch))
                        .addOutput(tensor("z", batch))
                        .build();
        OnnxMl.ModelProto model =
                OnnxMl.ModelProto.newBuilder()
                        .setIrVersion(7)
                        .setProducerName("frameflow-test")
                        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13))
                        .setGraph(graph)
                        .build();
        Path file = dir.resolve(batch == 0 ? "dynamic.onnx" : "fixed" + batch + ".onnx");
        Files.write(file, model.toByteArray());
        return file;
    }

    private static OnnxMl.NodeProto node(String op, String a, String b, String out) {
        return OnnxMl.NodeProto.newBuilder()
                .setOpType(op)
                .setName(out)
                .addInput(a)
                .addInput(b)
                .addOutput(out)
                .build();
    }

    private static OnnxMl.TensorProto constant(String name, float... values) {
        OnnxMl.TensorProto.Builder tensor =
                OnnxMl.TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        if (values.length > 1) {
            tensor.addDims(values.length);
        }
        for (float v : values) {
            tensor.addFloatData(v);
        }
        return tensor.build();
    }

    private static OnnxMl.ValueInfoProto tensor(String name, int batch) {
        OnnxMl.TensorShapeProto.Dimension batchDim =
                batch == 0
                        ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N").build()
                        : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(batch).build();
        OnnxMl.TensorShapeProto shape =
                OnnxMl.TensorShapeProto.newBuilder()
                        .addDim(batchDim)
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(3))
                        .build();
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(
                        OnnxMl.TypeProto.newBuilder()
                                .setTensorType(
                                        OnnxMl.TypeProto.Tensor.newBuilder()
                                                .setElemType(FLOAT)
                                                .setShape(shape)))
                .build();
    }
}
