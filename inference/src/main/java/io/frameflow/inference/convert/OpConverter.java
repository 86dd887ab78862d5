package io.frameflow.inference.convert;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Translates one family of TF ops to ONNX nodes. Implementations are stateless; they throw {@link
 * IllegalArgumentException} with the reason when a node cannot be converted, and the caller adds
 * the node's name and op to the message.
 */
interface OpConverter {

    /** The TF op names this converter handles. */
    Set<String> ops();

    /**
     * Emits ONNX nodes that compute the node's outputs into {@link
     * ConversionContext#output(TfjsNode, int)}, or aliases them to existing tensors.
     */
    void convert(TfjsNode node, ConversionContext context);

    /**
     * Computes output 0 at conversion time when every input is known; empty when this op is not
     * folded (then {@link #convert} is called).
     */
    default Optional<ConstTensor> fold(TfjsNode node, List<ConstTensor> inputs) {
        return Optional.empty();
    }
}
