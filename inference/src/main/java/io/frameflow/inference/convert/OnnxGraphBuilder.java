package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects ONNX nodes, initializers and graph inputs/outputs, hands out unique tensor names, and
 * assembles the model: removes transposes that cancel, drops nodes and initializers that no output
 * needs, and checks that every tensor is produced before it is used.
 */
final class OnnxGraphBuilder {
    static final int OPSET = 13;
    static final int IR_VERSION = 8;
    private static final int MAX_SINKING_ROUNDS = 4;

    private final Set<String> names = new HashSet<>();
    private final List<NodeProto> nodes = new ArrayList<>();
    private final Map<String, ConstTensor> initializers = new LinkedHashMap<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();

    /** Marks a name as taken without producing it (TF node names, reserved up front). */
    void reserve(String name) {
        names.add(name);
    }

    String uniqueName(String base) {
        String name = base;
        for (int i = 1; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** Adds an initializer under exactly {@code name}, which the caller has reserved. */
    void initializer(String name, ConstTensor value) {
        if (initializers.put(name, value) != null) {
            throw new IllegalStateException("initializer '" + name + "' defined twice");
        }
    }

    /** Adds an initializer under a fresh name derived from {@code base}; returns the name. */
    String constant(String base, ConstTensor value) {
        String name = uniqueName(base);
        initializer(name, value);
        return name;
    }

    /** The value of initializer {@code name}; null when the tensor is not an initializer. */
    ConstTensor initializerValue(String name) {
        return initializers.get(name);
    }

    void node(
            String opType,
            List<String> inputNames,
            List<String> outputNames,
            List<AttributeProto> attributes) {
        nodes.add(
                NodeProto.newBuilder()
                        .setOpType(opType)
                        .setName(outputNames.get(0))
                        .addAllInput(inputNames)
                        .addAllOutput(outputNames)
                        .addAllAttribute(attributes)
                        .build());
    }

    void input(String name, TensorType type, long[] shape) {
        inputs.add(OnnxTensors.valueInfo(name, type, shape));
    }

    void output(String name, TensorType type, long[] shape) {
        outputs.add(OnnxTensors.valueInfo(name, type, shape));
    }

    ModelProto build(String graphName, String producer) {
        Set<String> outputNames = new HashSet<>();
        outputs.forEach(o -> outputNames.add(o.getName()));
        List<NodeProto> live = pruned(withoutNeedlessTransposes(outputNames), outputNames);
        Set<String> used = new HashSet<>(outputNames);
        live.forEach(n -> used.addAll(n.getInputList()));
        GraphProto.Builder graph =
                GraphProto.newBuilder()
                        .setName(graphName)
                        .addAllInput(inputs)
                        .addAllOutput(outputs)
                        .addAllNode(live);
        initializers.forEach(
                (name, value) -> {
                    if (used.contains(name)) {
                        graph.addInitializer(OnnxTensors.initializer(name, value));
                    }
                });
        checkProducedBeforeUse(graph);
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(producer)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    /**
     * Merges transpose chains, then moves transposes below element-wise ops so that more of them
     * meet and cancel, until that removes nothing more.
     */
    private List<NodeProto> withoutNeedlessTransposes(Set<String> outputNames) {
        List<NodeProto> current = TransposeFolding.apply(nodes, outputNames);
        for (int round = 0; round < MAX_SINKING_ROUNDS; round++) {
            List<NodeProto> sunk = new TransposeSinking(this, outputNames).apply(current);
            List<NodeProto> next = pruned(TransposeFolding.apply(sunk, outputNames), outputNames);
            if (next.size() >= pruned(current, outputNames).size()) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** Keeps the nodes that some graph output depends on, in their original order. */
    private static List<NodeProto> pruned(List<NodeProto> all, Set<String> outputNames) {
        Set<String> needed = new HashSet<>(outputNames);
        boolean[] keep = new boolean[all.size()];
        for (int i = all.size() - 1; i >= 0; i--) {
            NodeProto node = all.get(i);
            if (node.getOutputList().stream().anyMatch(needed::contains)) {
                keep[i] = true;
                needed.addAll(node.getInputList());
            }
        }
        List<NodeProto> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (keep[i]) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    private static void checkProducedBeforeUse(GraphProto.Builder graph) {
        Set<String> available = new HashSet<>();
        available.add(""); // an empty name marks an omitted optional input
        graph.getInputList().forEach(i -> available.add(i.getName()));
        graph.getInitializerList().forEach(i -> available.add(i.getName()));
        for (NodeProto node : graph.getNodeList()) {
            for (String input : node.getInputList()) {
                if (!available.contains(input)) {
                    throw new IllegalStateException(
                            "tensor '"
                                    + input
                                    + "' is used by ONNX node '"
                                    + node.getName()
                                    + "' before anything produces it");
                }
            }
            available.addAll(node.getOutputList());
        }
        for (ValueInfoProto output : graph.getOutputList()) {
            if (!available.contains(output.getName())) {
                throw new IllegalStateException(
                        "graph output '" + output.getName() + "' is never produced");
            }
        }
    }
}
