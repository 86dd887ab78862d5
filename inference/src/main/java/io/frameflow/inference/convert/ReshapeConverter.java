package io.frameflow.inference.convert;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shape-only ops: {@code Reshape} (constant or computed shape), {@code Squeeze} and {@code
 * ExpandDims} (→ Unsqueeze). Reshape folds constant inputs.
 */
final class ReshapeConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("Reshape", "Squeeze", "ExpandDims");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        String x = context.input(node, 0);
        String output = context.output(node, 0);
        switch (node.op()) {
            case "Reshape":
                context.emit("Reshape", List.of(x, shapeInput(node, context)), output);
                break;
            case "Squeeze":
                long[] axes = node.attributes().ints("squeeze_dims").orElse(new long[0]);
                context.emit(
                        "Squeeze",
                        axes.length == 0
                                ? List.of(x)
                                : List.of(x, context.int64s(node, "axes", axes)),
                        output);
                break;
            default:
                long axis = context.constant(node, 1).scalarLong();
                context.emit("Unsqueeze", List.of(x, context.int64s(node, "axes", axis)), output);
        }
    }

    /** The target shape as INT64, which ONNX requires; TF allows int32. */
    private static String shapeInput(TfjsNode node, ConversionContext context) {
        Optional<ConstTensor> known = context.constantValue(node.input(1));
        if (known.isPresent()) {
            long[] shape = known.get().longs();
            // ONNX (opset 13) reads 0 as "copy this dimension", TF as "size 0"
            if (Arrays.stream(shape).anyMatch(d -> d == 0)) {
                throw new IllegalArgumentException(
                        "reshape to " + Arrays.toString(shape) + " has a 0 dimension");
            }
            return context.int64s(node, "shape", shape);
        }
        String shape = context.input(node, 1);
        TensorType type = node.attributes().type("Tshape").orElse(TensorType.INT32);
        if (type == TensorType.INT64) {
            return shape;
        }
        return context.emit(
                "Cast",
                List.of(shape),
                context.temp(node, "shape_int64"),
                OnnxAttributes.integer("to", TensorType.INT64.onnx().getNumber()));
    }

    @Override
    public Optional<ConstTensor> fold(TfjsNode node, List<ConstTensor> inputs) {
        if (!node.op().equals("Reshape")) {
            return Optional.empty();
        }
        return Optional.of(ConstTensorOps.reshape(inputs.get(0), inputs.get(1).longs()));
    }
}
