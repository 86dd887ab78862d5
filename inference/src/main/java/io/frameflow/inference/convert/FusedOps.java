package io.frameflow.inference.convert;

import java.util.List;

/**
 * The {@code fused_ops} of TF.js's fused conv/matmul ops ({@code _FusedConv2D}, {@code
 * FusedDepthwiseConv2dNative}, {@code _FusedMatMul}): an optional BiasAdd, whose bias is input 2,
 * then an optional activation; a Prelu's slopes follow the bias.
 *
 * @param activation the TF activation name, or null
 */
record FusedOps(boolean bias, String activation) {
    static final FusedOps NONE = new FusedOps(false, null);

    static FusedOps of(TfjsNode node) {
        List<String> ops = node.attributes().strings("fused_ops");
        boolean bias = !ops.isEmpty() && ops.get(0).equals("BiasAdd");
        List<String> rest = bias ? ops.subList(1, ops.size()) : ops;
        if (rest.size() > 1 || (rest.size() == 1 && !Activations.FUSABLE.contains(rest.get(0)))) {
            throw new IllegalArgumentException(
                    "fused_ops "
                            + ops
                            + " are not supported; supported: an optional BiasAdd followed by"
                            + " one of "
                            + Activations.FUSABLE);
        }
        return new FusedOps(bias, rest.isEmpty() ? null : rest.get(0));
    }

    int preluAlphaInput() {
        return bias ? 3 : 2;
    }

    /** Applies the fused activation to {@code input}; returns {@code input} when there is none. */
    String applyActivation(
            ConversionContext context, TfjsNode node, String input, String preluAlpha) {
        if (activation == null) {
            return input;
        }
        float leakyAlpha = node.attributes().real("leakyrelu_alpha", 0.2f);
        return Activations.emit(
                context,
                node,
                activation,
                input,
                context.temp(node, activation.toLowerCase(java.util.Locale.ROOT)),
                leakyAlpha,
                preluAlpha);
    }
}
