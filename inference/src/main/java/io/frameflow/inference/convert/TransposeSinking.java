package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves a Transpose below the element-wise op that consumes it: {@code op(T(x, p), c)} becomes
 * {@code T(op(x, c'), p)} with the constant c transposed by p⁻¹ so that it broadcasts the same way.
 * A TF graph in NHWC yields Conv → T → Add(bias) → Relu → T → Conv; once the first T sinks past Add
 * and Relu it meets the second and {@link TransposeFolding} removes both.
 *
 * <p>Only transposes whose output has exactly one use are moved, so the node count never grows.
 */
final class TransposeSinking {
    private static final Set<String> UNARY =
            Set.of(
                    "Relu",
                    "LeakyRelu",
                    "Sigmoid",
                    "Tanh",
                    "Elu",
                    "Exp",
                    "Log",
                    "Abs",
                    "Neg",
                    "Sqrt",
                    "Reciprocal",
                    "Floor",
                    "Identity",
                    "Clip");
    private static final Set<String> BINARY =
            Set.of("Add", "Sub", "Mul", "Div", "Max", "Min", "PRelu");

    private final OnnxGraphBuilder graph;
    private final Set<String> graphOutputs;
    private final Set<String> transposeOutputs = new HashSet<>();

    TransposeSinking(OnnxGraphBuilder graph, Set<String> graphOutputs) {
        this.graph = graph;
        this.graphOutputs = graphOutputs;
    }

    List<NodeProto> apply(List<NodeProto> nodes) {
        Map<String, Integer> uses = new HashMap<>();
        for (NodeProto node : nodes) {
            node.getInputList().forEach(i -> uses.merge(i, 1, Integer::sum));
        }
        graphOutputs.forEach(o -> uses.merge(o, 1, Integer::sum));
        Map<String, NodeProto> movable = new HashMap<>();
        Set<NodeProto> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        List<NodeProto> out = new ArrayList<>();
        for (NodeProto node : nodes) {
            List<NodeProto> moved = sink(node, movable);
            if (moved == null) {
                out.add(node);
                register(node, uses, movable);
                continue;
            }
            for (String input : node.getInputList()) {
                NodeProto transpose = movable.remove(input);
                if (transpose != null) {
                    dropped.add(transpose);
                }
            }
            out.add(moved.get(0));
            out.add(moved.get(1));
            register(moved.get(1), uses, movable);
        }
        out.removeIf(dropped::contains);
        return out;
    }

    /**
     * Remembers a Transpose whose single use could absorb it. A Transpose of a Transpose stays:
     * {@link TransposeFolding} merges the two, which is better than moving one further away.
     */
    private void register(
            NodeProto node, Map<String, Integer> uses, Map<String, NodeProto> movable) {
        if (!node.getOpType().equals("Transpose")) {
            return;
        }
        transposeOutputs.add(node.getOutput(0));
        if (TransposeFolding.perm(node) != null
                && uses.getOrDefault(node.getOutput(0), 0) == 1
                && !transposeOutputs.contains(node.getInput(0))) {
            movable.put(node.getOutput(0), node);
        }
    }

    /** The op rewritten below its input transpose(s) plus the moved Transpose; null if not. */
    private List<NodeProto> sink(NodeProto node, Map<String, NodeProto> movable) {
        boolean unary = UNARY.contains(node.getOpType());
        if (!unary && !BINARY.contains(node.getOpType()) || node.getInputCount() == 0) {
            return null;
        }
        NodeProto first = movable.get(node.getInput(0));
        long[] perm = first != null ? TransposeFolding.perm(first) : null;
        if (perm == null && !unary && node.getInputCount() == 2) {
            NodeProto second = movable.get(node.getInput(1));
            perm = second != null ? TransposeFolding.perm(second) : null;
        }
        if (perm == null || (unary && first == null)) {
            return null;
        }
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < node.getInputCount(); i++) {
            String input = rewrittenInput(node, i, unary, perm, movable);
            if (input == null) {
                return null;
            }
            inputs.add(input);
        }
        String output = node.getOutput(0);
        String beforeTranspose = graph.uniqueName(output + "/before_transpose");
        NodeProto op =
                node.toBuilder()
                        .clearInput()
                        .addAllInput(inputs)
                        .setOutput(0, beforeTranspose)
                        .setName(beforeTranspose)
                        .build();
        NodeProto transpose =
                NodeProto.newBuilder()
                        .setOpType("Transpose")
                        .setName(output)
                        .addInput(beforeTranspose)
                        .addOutput(output)
                        .addAttribute(OnnxAttributes.ints("perm", perm))
                        .build();
        return List.of(op, transpose);
    }

    /**
     * Input {@code i} as seen before the transpose: the transpose's own input, a constant re-laid
     * out, a Clip bound as is; null when this input prevents the move.
     */
    private String rewrittenInput(
            NodeProto node, int i, boolean unary, long[] perm, Map<String, NodeProto> movable) {
        String input = node.getInput(i);
        NodeProto transpose = movable.get(input);
        if (transpose != null && Arrays.equals(TransposeFolding.perm(transpose), perm)) {
            return transpose.getInput(0);
        }
        if (unary) {
            // Clip's min and max are scalars, which broadcast in any layout
            ConstTensor bound = graph.initializerValue(input);
            return i > 0 && (input.isEmpty() || (bound != null && bound.rank() == 0))
                    ? input
                    : null;
        }
        ConstTensor value = graph.initializerValue(input);
        if (value == null || value.rank() > perm.length) {
            return null;
        }
        return graph.constant(input + "/relaid", relaid(value, perm));
    }

    /** c' with T(c', perm) equal to c left-padded to the rank of perm. */
    static ConstTensor relaid(ConstTensor value, long[] perm) {
        long[] padded = new long[perm.length];
        Arrays.fill(padded, 1);
        long[] shape = value.shape();
        System.arraycopy(shape, 0, padded, perm.length - shape.length, shape.length);
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[(int) perm[i]] = i;
        }
        return ConstTensorOps.transpose(value.reshaped(padded), inverse);
    }
}
