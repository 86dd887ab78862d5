package io.frameflow.inference.convert;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Cast} → ONNX Cast, and {@code SparseToDense}, which TF graphs exported from ONNX use to
 * build constant shapes and which is only supported when it can be folded.
 */
final class CastConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("Cast", "SparseToDense");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        if (node.op().equals("SparseToDense")) {
            throw new IllegalArgumentException(
                    "SparseToDense is only supported with constant inputs");
        }
        context.emit(
                "Cast",
                List.of(context.input(node, 0)),
                context.output(node, 0),
                OnnxAttributes.integer("to", targetType(node).onnx().getNumber()));
    }

    @Override
    public Optional<ConstTensor> fold(TfjsNode node, List<ConstTensor> inputs) {
        if (node.op().equals("Cast")) {
            return Optional.of(ConstTensorOps.cast(inputs.get(0), targetType(node)));
        }
        if (inputs.size() != 4) {
            throw new IllegalArgumentException(
                    "SparseToDense needs 4 inputs, got " + inputs.size());
        }
        return Optional.of(
                ConstTensorOps.sparseToDense(
                        inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3)));
    }

    private static TensorType targetType(TfjsNode node) {
        return node.attributes()
                .type("DstT")
                .orElseThrow(() -> new IllegalArgumentException("attribute 'DstT' is missing"));
    }
}
