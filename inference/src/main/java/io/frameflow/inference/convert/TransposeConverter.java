package io.frameflow.inference.convert;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code Transpose} with a constant permutation → ONNX Transpose; folds constant inputs. */
final class TransposeConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("Transpose");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        long[] perm = context.constant(node, 1).longs();
        context.transpose(context.input(node, 0), perm, context.output(node, 0));
    }

    @Override
    public Optional<ConstTensor> fold(TfjsNode node, List<ConstTensor> inputs) {
        int[] perm = ConvConverter.toInts(inputs.get(1).longs());
        return Optional.of(ConstTensorOps.transpose(inputs.get(0), perm));
    }
}
