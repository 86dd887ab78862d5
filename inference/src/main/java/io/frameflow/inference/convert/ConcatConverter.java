package io.frameflow.inference.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code ConcatV2}: the last input is the axis. Folds constant inputs. */
final class ConcatConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("ConcatV2");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        int last = node.inputs().size() - 1;
        if (last < 1) {
            throw new IllegalArgumentException("ConcatV2 needs at least one value and an axis");
        }
        long axis = context.constant(node, last).scalarLong();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            inputs.add(context.input(node, i));
        }
        context.emit(
                "Concat", inputs, context.output(node, 0), OnnxAttributes.integer("axis", axis));
    }

    @Override
    public Optional<ConstTensor> fold(TfjsNode node, List<ConstTensor> inputs) {
        int last = inputs.size() - 1;
        return Optional.of(
                ConstTensorOps.concat(inputs.subList(0, last), inputs.get(last).scalarLong()));
    }
}
