package io.frameflow.inference.convert;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code Identity}: the output is another name for the input, so no ONNX node is needed. */
final class IdentityConverter implements OpConverter {

    @Override
    public Set<String> ops() {
        return Set.of("Identity");
    }

    @Override
    public void convert(TfjsNode node, ConversionContext context) {
        context.alias(node.output(0), context.input(node, 0));
    }

    @Override
    public Optional<ConstTensor> fold(TfjsNode node, List<ConstTensor> inputs) {
        return Optional.of(inputs.get(0));
    }
}
