package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges chains of Transposes: {@code T(T(x, p1), p2)} becomes {@code T(x, p1∘p2)}, or just {@code
 * x} when the composition is the identity. TF graphs converted from PyTorch transpose to NHWC right
 * before each convolution, and the converter transposes back to NCHW around it, so most such pairs
 * cancel. Runs over nodes in topological order; nodes left unused are pruned later.
 */
final class TransposeFolding {
    private TransposeFolding() {}

    /**
     * @param keep tensor names that must survive (graph outputs), so are never renamed away
     */
    static List<NodeProto> apply(List<NodeProto> nodes, Set<String> keep) {
        Map<String, String> renamed = new HashMap<>();
        Map<String, NodeProto> transposeOf = new HashMap<>();
        List<NodeProto> out = new ArrayList<>(nodes.size());
        for (NodeProto original : nodes) {
            NodeProto node = withRenamedInputs(original, renamed);
            if (node.getOpType().equals("Transpose") && perm(node) != null) {
                NodeProto previous = transposeOf.get(node.getInput(0));
                if (previous != null) {
                    long[] composed = compose(perm(previous), perm(node));
                    String output = node.getOutput(0);
                    if (isIdentity(composed) && !keep.contains(output)) {
                        renamed.put(output, previous.getInput(0));
                        continue;
                    }
                    node = transpose(node, previous.getInput(0), composed);
                }
                transposeOf.put(node.getOutput(0), node);
            }
            out.add(node);
        }
        return out;
    }

    private static NodeProto withRenamedInputs(NodeProto node, Map<String, String> renamed) {
        boolean any = false;
        for (String input : node.getInputList()) {
            any |= renamed.containsKey(input);
        }
        if (!any) {
            return node;
        }
        NodeProto.Builder b = node.toBuilder().clearInput();
        for (String input : node.getInputList()) {
            b.addInput(renamed.getOrDefault(input, input));
        }
        return b.build();
    }

    /** The perm attribute of a Transpose; null when absent (reverse the axes). */
    static long[] perm(NodeProto node) {
        for (AttributeProto attribute : node.getAttributeList()) {
            if (attribute.getName().equals("perm")) {
                return attribute.getIntsList().stream().mapToLong(Long::longValue).toArray();
            }
        }
        return null;
    }

    /** Output axis i of the second transpose is input axis first[second[i]] of the first. */
    private static long[] compose(long[] first, long[] second) {
        long[] out = new long[second.length];
        for (int i = 0; i < second.length; i++) {
            out[i] = first[(int) second[i]];
        }
        return out;
    }

    private static boolean isIdentity(long[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static NodeProto transpose(NodeProto node, String input, long[] perm) {
        return node.toBuilder()
                .clearInput()
                .addInput(input)
                .clearAttribute()
                .addAttribute(OnnxAttributes.ints("perm", perm))
                .build();
    }
}
