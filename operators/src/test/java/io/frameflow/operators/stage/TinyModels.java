package io.frameflow.operators.stage;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes two tiny ONNX models for the stage tests, both over an NCHW float input {@code x} with
 * dynamic batch, height and width:
 *
 * <ul>
 *   <li>{@code threshold.onnx}: {@code y = Relu(x - 0.5)}, positive exactly where a channel is
 *       above half intensity; the test translators turn it into boxes and masks;
 *   <li>{@code upscale2.onnx}: {@code y = Resize(x, scales [1, 1, 2, 2], nearest)}, an upscaling
 *       "restorer" whose output is known pixel for pixel.
 * </ul>
 */
final class TinyModels {
    private static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;

    private TinyModels() {}

    static Path threshold(Path dir) {
        OnnxMl.GraphProto graph =
                OnnxMl.GraphProto.newBuilder()
                        .setName("threshold")
                        .addInitializer(constant("half", List.of(), 0.5f))
                        .addNode(node("Sub", List.of("x", "half"), "shifted"))
                        .addNode(node("Relu", List.of("shifted"), "y"))
                        .addInput(image("x", "h", "w"))
                        .addOutput(image("y", "h", "w"))
                        .build();
        return write(dir.resolve("threshold.onnx"), graph);
    }

    static Path upscale2(Path dir) {
        OnnxMl.GraphProto graph =
                OnnxMl.GraphProto.newBuilder()
                        .setName("upscale2")
                        .addInitializer(constant("roi", List.of(0L)))
                        .addInitializer(constant("scales", List.of(4L), 1f, 1f, 2f, 2f))
                        .addNode(
                                node("Resize", List.of("x", "roi", "scales"), "y").toBuilder()
                                        .addAttribute(
                                                OnnxMl.AttributeProto.newBuilder()
                                                        .setName("mode")
                                                        .setType(
                                                                OnnxMl.AttributeProto.AttributeType
                                                                        .STRING)
                                                        .setS(
                                                                com.google.protobuf.ByteString
                                                                        .copyFromUtf8("nearest"))))
                        .addInput(image("x", "h", "w"))
                        .addOutput(image("y", "h2", "w2"))
                        .build();
        return write(dir.resolve("upscale2.onnx"), graph);
    }

    private static Path write(Path file, OnnxMl.GraphProto graph) {
        OnnxMl.ModelProto model =
                OnnxMl.ModelProto.newBuilder()
                        .setIrVersion(7)
                        .setProducerName("frameflow-test")
                        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13))
                        .setGraph(graph)
                        .build();
        try {
            Files.write(file, model.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static OnnxMl.NodeProto node(String op, List<String> inputs, String out) {
        return OnnxMl.NodeProto.newBuilder()
                .setOpType(op)
                .setName(out)
                .addAllInput(inputs)
                .addOutput(out)
                .build();
    }

    private static OnnxMl.TensorProto constant(String name, List<Long> dims, float... values) {
        OnnxMl.TensorProto.Builder tensor =
                OnnxMl.TensorProto.newBuilder().setName(name).setDataType(FLOAT).addAllDims(dims);
        for (float v : values) {
            tensor.addFloatData(v);
        }
        return tensor.build();
    }

    private static OnnxMl.ValueInfoProto image(String name, String height, String width) {
        OnnxMl.TensorShapeProto shape =
                OnnxMl.TensorShapeProto.newBuilder()
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("n"))
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(3))
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(height))
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(width))
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
