package io.frameflow.inference.convert;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reductions over constant axes: {@code Mean}, {@code Max}, {@code Min}, {@code Prod} (axes as an
 * attribute in opset 13) and {@code Sum} (axes as an input since opset 13).
 */
final class ReduceConverter implements OpConverter {
    private static final Map<String, String> ONNX_OPS =
            Map.of(
                    "Mean", "ReduceMean",
                    "Max", "ReduceMax",
                    "Min", "ReduceMin",
                    "Prod", "ReduceProd",
                    "Sum", "ReduceSum");

    @Override
    public Set<String> ops() {
        return ONNX_OPS.keySet();
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        long[] axes = context.constant(node, 1).longs();
        String x = context.input(node, 0);
        if (axes.length == 0) {
            // TF reduces over no axes at all; ONNX would reduce over every axis
            context.alias(node.output(0), x);
            return;
        }
        long keepDims = node.attributes().bool("keep_dims", false) ? 1 : 0;
        String op = ONNX_OPS.get(node.op());
        String output = context.output(node, 0);
        if (op.equals("ReduceSum")) {
            context.emit(
                    op,
                    List.of(x, context.int64s(node, "axes", axes)),
                    output,
                    OnnxAttributes.integer("keepdims", keepDims));
        } else {
            context.emit(
                    op,
                    List.of(x),
                    output,
                    OnnxAttributes.ints("axes", axes),
                    OnnxAttributes.integer("keepdims", keepDims));
        }
    }
}
