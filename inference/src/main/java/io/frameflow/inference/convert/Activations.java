package io.frameflow.inference.convert;

import java.util.List;
import java.util.Set;

/** ONNX forms of the TF activations, shared by the activation ops and fused conv/matmul ops. */
final class Activations {
    /** Activations that TF.js fuses into {@code _FusedConv2D} and friends. */
    static final Set<String> FUSABLE =
            Set.of("Relu", "Relu6", "Elu", "LeakyRelu", "Prelu", "Sigmoid", "Tanh");

    private Activations() {}

    /**
     * Emits {@code activation(input)} into {@code output}.
     *
     * @param leakyAlpha slope for LeakyRelu
     * @param preluAlpha ONNX tensor holding the slopes for Prelu, else null
     */
    static String emit(
            ConversionContext context,
            TfjsNode node,
            String activation,
            String input,
            String output,
            float leakyAlpha,
            String preluAlpha) {
        switch (activation) {
            case "Relu":
            case "Elu":
            case "Sigmoid":
            case "Tanh":
                return context.emit(activation, List.of(input), output);
            case "Relu6":
                String zero = context.floatScalar(node, "zero", 0f);
                String six = context.floatScalar(node, "six", 6f);
                return context.emit("Clip", List.of(input, zero, six), output);
            case "LeakyRelu":
                return context.emit(
                        "LeakyRelu",
                        List.of(input),
                        output,
                        OnnxAttributes.real("alpha", leakyAlpha));
            case "Prelu":
                return context.emit("PRelu", List.of(input, preluAlpha), output);
            default:
                throw new IllegalArgumentException(
                        "activation '"
                                + activation
                                + "' is not supported; supported: "
                                + String.join(", ", FUSABLE));
        }
    }
}
