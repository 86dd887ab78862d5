package io.frameflow.inference.convert;

import io.frameflow.inference.convert.BroadcastArithmetic.BinaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Element-wise arithmetic with NumPy broadcasting, the same in TF and ONNX: Add/AddV2, Sub, Mul,
 * RealDiv, Maximum, Minimum, BiasAdd, and AddN (→ Sum). All of them fold when their inputs are
 * known.
 */
final class ElementwiseConverter implements OpConverter {
    private static final Map<String, String> ONNX_OPS =
            Map.of(
                    "Add", "Add",
                    "AddV2", "Add",
                    "BiasAdd", "Add",
                    "Sub", "Sub",
                    "Mul", "Mul",
                    "RealDiv", "Div",
                    "Maximum", "Max",
                    "Minimum", "Min",
                    "AddN", "Sum");
    private static final Map<String, BinaryOp> FOLDS =
            Map.of(
                    "Add", BinaryOp.ADD,
                    "AddV2", BinaryOp.ADD,
                    "BiasAdd", BinaryOp.ADD,
                    "AddN", BinaryOp.ADD,
                    "Sub", BinaryOp.SUB,
                    "Mul", BinaryOp.MUL,
                    "RealDiv", BinaryOp.DIV,
                    "Maximum", BinaryOp.MAX,
                    "Minimum", BinaryOp.MIN);

    @Override
    public Set<String> ops() {
        return ONNX_OPS.keySet();
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            inputs.add(context.input(node, i));
        }
        if (node.op().equals("BiasAdd") && isNchw(node)) {
            inputs.set(1, channelBias(node, context));
        }
        if (inputs.size() < (node.op().equals("AddN") ? 1 : 2)) {
            throw new IllegalArgumentException("too few inputs: " + inputs.size());
        }
        context.emit(ONNX_OPS.get(node.op()), inputs, context.output(node, 0));
    }

    @Override
    public Optional<ConstTensor> fold(TfjsNode node, List<ConstTensor> inputs) {
        if (node.op().equals("BiasAdd") && isNchw(node)) {
            return Optional.empty();
        }
        ConstTensor result = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            result = BroadcastArithmetic.binary(result, inputs.get(i), FOLDS.get(node.op()));
        }
        return Optional.of(result);
    }

    private static boolean isNchw(TfjsNode node) {
        return node.attributes().string("data_format", "NHWC").equals("NCHW");
    }

    /** An NCHW bias [C] reshaped to [C, 1, 1] so that it broadcasts over channels. */
    private static String channelBias(TfjsNode node, ConversionContext context) {
        ConstTensor bias = context.constant(node, 1);
        return context.initializer(node, "bias", bias.reshaped(new long[] {bias.size(), 1, 1}));
    }
}
