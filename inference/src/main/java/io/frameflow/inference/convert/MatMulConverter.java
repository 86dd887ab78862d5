package io.frameflow.inference.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 2-D {@code MatMul} and TF.js's {@code _FusedMatMul} → ONNX Gemm, whose transA/transB match TF's
 * transpose_a/transpose_b and whose C input takes the fused bias.
 */
final class MatMulConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("MatMul", "_FusedMatMul");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        FusedOps fused = node.op().equals("_FusedMatMul") ? FusedOps.of(node) : FusedOps.NONE;
        List<String> inputs =
                new ArrayList<>(List.of(context.input(node, 0), context.input(node, 1)));
        if (fused.bias()) {
            inputs.add(context.input(node, 2));
        }
        String target =
                fused.activation() == null ? context.output(node, 0) : context.temp(node, "gemm");
        String product =
                context.emit(
                        "Gemm",
                        inputs,
                        target,
                        OnnxAttributes.integer(
                                "transA", node.attributes().bool("transpose_a", false) ? 1 : 0),
                        OnnxAttributes.integer(
                                "transB", node.attributes().bool("transpose_b", false) ? 1 : 0));
        if (fused.activation() != null) {
            String alpha =
                    "Prelu".equals(fused.activation())
                            ? context.input(node, fused.preluAlphaInput())
                            : null;
            context.alias(node.output(0), fused.applyActivation(context, node, product, alpha));
        }
    }
}
