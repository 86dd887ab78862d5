package io.frameflow.inference.convert;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Activations and other element-wise unary ops: Relu, Relu6 (→ Clip), Elu, Sigmoid, Tanh,
 * LeakyRelu, Prelu, Softmax (over the last axis, as in TF), Exp, Log, Abs, Neg, Sqrt, Rsqrt,
 * Square, Reciprocal, Floor.
 */
final class ActivationConverter implements OpConverter {
    /** TF ops that are a single ONNX op of another or the same name. */
    private static final Map<String, String> SIMPLE =
            Map.of(
                    "Exp", "Exp",
                    "Log", "Log",
                    "Abs", "Abs",
                    "Neg", "Neg",
                    "Sqrt", "Sqrt",
                    "Reciprocal", "Reciprocal",
                    "Floor", "Floor");

    @Override
    public Set<String> ops() {
        Set<String> ops = new TreeSet<>(SIMPLE.keySet());
        ops.addAll(Activations.FUSABLE);
        ops.addAll(List.of("Softmax", "Rsqrt", "Square"));
        return ops;
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        String x = context.input(node, 0);
        String output = context.output(node, 0);
        String op = node.op();
        if (SIMPLE.containsKey(op)) {
            context.emit(SIMPLE.get(op), List.of(x), output);
        } else if (op.equals("Softmax")) {
            context.emit("Softmax", List.of(x), output, OnnxAttributes.integer("axis", -1));
        } else if (op.equals("Rsqrt")) {
            String root = context.emit("Sqrt", List.of(x), context.temp(node, "sqrt"));
            context.emit("Reciprocal", List.of(root), output);
        } else if (op.equals("Square")) {
            context.emit("Mul", List.of(x, x), output);
        } else {
            float leakyAlpha = node.attributes().real("alpha", 0.2f);
            String preluAlpha = op.equals("Prelu") ? context.input(node, 1) : null;
            Activations.emit(context, node, op, x, output, leakyAlpha, preluAlpha);
        }
    }
}
