package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link OpConverter} works with: the values of TF tensors known at conversion time, the
 * ONNX names of the others, and the graph being built. A TF output {@code n:k} becomes the ONNX
 * tensor named {@code n:k} ({@code n} for k = 0) unless a converter aliases it to another tensor.
 */
final class ConversionContext {
    private final OnnxGraphBuilder graph;
    private final Map<TensorRef, ConstTensor> constants = new HashMap<>();
    private final Map<TensorRef, String> onnxNames = new HashMap<>();

    ConversionContext(OnnxGraphBuilder graph) {
        this.graph = graph;
    }

    Optional<ConstTensor> constantValue(TensorRef ref) {
        return Optional.ofNullable(constants.get(ref));
    }

    /** The value of input {@code index}, which the op needs at conversion time. */
    ConstTensor constant(TfjsNode node, int index) {
        TensorRef ref = node.input(index);
        ConstTensor value = constants.get(ref);
        if (value == null) {
            throw new IllegalArgumentException(
                    "input "
                            + index
                            + " ('"
                            + ref
                            + "') must be a constant, but it is computed"
                            + " at run time");
        }
        return value;
    }

    /** The ONNX name of input {@code index}; a constant becomes an initializer on first use. */
    String input(TfjsNode node, int index) {
        return tensor(node.input(index));
    }

    String tensor(TensorRef ref) {
        String name = onnxNames.get(ref);
        if (name != null) {
            return name;
        }
        name = ref.toString();
        graph.reserve(name);
        ConstTensor value = constants.get(ref);
        if (value != null) {
            graph.initializer(name, value);
        }
        onnxNames.put(ref, name);
        return name;
    }

    /** Whether {@code ref} already has an ONNX name (as an initializer, alias or output). */
    boolean isMaterialized(TensorRef ref) {
        return onnxNames.containsKey(ref);
    }

    /** The ONNX name that output {@code index} of {@code node} must be written to. */
    String output(TfjsNode node, int index) {
        return tensor(node.output(index));
    }

    void bindConstant(TensorRef ref, ConstTensor value) {
        constants.put(ref, value);
    }

    /** Makes {@code ref} another name for an existing ONNX tensor, without emitting a node. */
    void alias(TensorRef ref, String onnxName) {
        onnxNames.put(ref, onnxName);
    }

    /** A fresh tensor name for an intermediate result of {@code node}. */
    String temp(TfjsNode node, String suffix) {
        return graph.uniqueName(node.name() + "/" + suffix);
    }

    String initializer(TfjsNode node, String suffix, ConstTensor value) {
        String name = temp(node, suffix);
        graph.initializer(name, value);
        return name;
    }

    String int64s(TfjsNode node, String suffix, long... values) {
        return initializer(node, suffix, ConstTensor.vector(TensorType.INT64, values));
    }

    String floatScalar(TfjsNode node, String suffix, float value) {
        return initializer(node, suffix, ConstTensor.scalar(value));
    }

    /** Emits a single-output node and returns {@code output}. */
    String emit(String opType, List<String> inputs, String output, AttributeProto... attributes) {
        graph.node(opType, inputs, List.of(output), Arrays.asList(attributes));
        return output;
    }

    void emitMulti(
            String opType,
            List<String> inputs,
            List<String> outputs,
            AttributeProto... attributes) {
        graph.node(opType, inputs, outputs, Arrays.asList(attributes));
    }

    String transpose(String input, long[] perm, String output) {
        return emit("Transpose", List.of(input), output, OnnxAttributes.ints("perm", perm));
    }
}
