package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.frameflow.inference.convert.TfjsModel.SignatureTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Translates a parsed TF.js graph to an ONNX model: visits the nodes the outputs depend on in
 * dependency order, folds nodes whose inputs are all known, hands the rest to their {@link
 * OpConverter}, and names graph inputs after the Placeholders and outputs after the signature.
 */
final class GraphTranslator {
    static final String PRODUCER = "frameflow-tfjs-converter";

    private final OpConverterRegistry registry;

    GraphTranslator(OpConverterRegistry registry) {
        this.registry = registry;
    }

    ModelProto translate(TfjsModel model) {
        OnnxGraphBuilder graph = new OnnxGraphBuilder();
        model.nodes().keySet().forEach(graph::reserve);
        ConversionContext context = new ConversionContext(graph);
        List<SignatureTensor> outputs = outputsOf(model);
        List<String> roots = outputs.stream().map(o -> o.ref().node()).toList();
        List<TfjsNode> placeholders = new ArrayList<>();
        for (TfjsNode node : GraphOrder.topological(model.nodes(), roots)) {
            if (node.op().equals("Placeholder")) {
                placeholders.add(node);
                continue;
            }
            try {
                if (node.op().equals("Const")) {
                    context.bindConstant(node.output(0), constValue(node, model));
                } else {
                    convertNode(node, context);
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new ModelConversionException(
                        "cannot convert " + node + ": " + e.getMessage(), e);
            }
        }
        addInputs(model, placeholders, context, graph);
        for (SignatureTensor output : outputs) {
            addOutput(output, model, context, graph);
        }
        String graphName = String.valueOf(model.source().getFileName());
        try {
            return graph.build(graphName, PRODUCER);
        } catch (IllegalStateException e) {
            throw new ModelConversionException(
                    "converting "
                            + model.source()
                            + " produced an inconsistent ONNX graph: "
                            + e.getMessage(),
                    e);
        }
    }

    private void convertNode(TfjsNode node, ConversionContext context) {
        OpConverter converter =
                registry.find(node.op())
                        .orElseThrow(
                                () ->
                                        new ModelConversionException(
                                                node
                                                        + " uses an op the converter does not"
                                                        + " support; supported ops: "
                                                        + String.join(
                                                                ", ", registry.supportedOps())));
        List<ConstTensor> known = new ArrayList<>();
        for (TensorRef input : node.inputs()) {
            context.constantValue(input).ifPresent(known::add);
        }
        Optional<ConstTensor> folded =
                known.size() == node.inputs().size()
                        ? converter.fold(node, known)
                        : Optional.empty();
        if (folded.isPresent()) {
            context.bindConstant(node.output(0), folded.get());
        } else {
            converter.convert(node, context);
        }
    }

    private static ConstTensor constValue(TfjsNode node, TfjsModel model) {
        Optional<TensorType> declared = node.attributes().type("dtype");
        ConstTensor value = model.weights().get(node.name());
        if (value == null) {
            long[] shape = node.attributes().tensorShape("value").orElse(new long[] {0});
            if (ConstTensor.elementCount(shape) != 0) {
                throw new ModelConversionException(
                        node
                                + " declares shape "
                                + Arrays.toString(shape)
                                + " but weightsManifest has no weight of that name");
            }
            return ConstTensor.filled(declared.orElse(TensorType.FLOAT), shape, 0);
        }
        if (declared.isEmpty() || declared.get() == value.type()) {
            return value;
        }
        try {
            // TF.js stores int64 constants as int32 weights
            return value.retyped(declared.get());
        } catch (IllegalArgumentException e) {
            throw new ModelConversionException(
                    node + " is declared " + declared.get() + " but its weight is " + value, e);
        }
    }

    private static List<SignatureTensor> outputsOf(TfjsModel model) {
        if (!model.outputs().isEmpty()) {
            return model.outputs();
        }
        // no signature: every node whose result nothing else consumes is an output
        Set<String> consumed = new HashSet<>();
        model.nodes().values().forEach(n -> n.inputs().forEach(i -> consumed.add(i.node())));
        List<SignatureTensor> sinks = new ArrayList<>();
        for (TfjsNode node : model.nodes().values()) {
            boolean trivial = Set.of("Const", "Placeholder", "NoOp").contains(node.op());
            if (!consumed.contains(node.name()) && !trivial) {
                sinks.add(new SignatureTensor(node.output(0), null, null));
            }
        }
        if (sinks.isEmpty()) {
            throw new ModelConversionException(model.source() + " has no outputs");
        }
        return sinks;
    }

    private static void addInputs(
            TfjsModel model,
            List<TfjsNode> placeholders,
            ConversionContext context,
            OnnxGraphBuilder graph) {
        for (TfjsNode node : placeholders) {
            long[] shape = node.attributes().shape("shape").orElse(null);
            for (SignatureTensor input : model.inputs()) {
                if (shape == null && input.ref().node().equals(node.name())) {
                    shape = input.shape();
                }
            }
            TensorType type = typeOf(node, "dtype");
            graph.input(context.output(node, 0), type, shape);
        }
    }

    private static void addOutput(
            SignatureTensor output,
            TfjsModel model,
            ConversionContext context,
            OnnxGraphBuilder graph) {
        String name = output.ref().toString();
        TfjsNode producer = model.nodes().get(output.ref().node());
        Optional<ConstTensor> folded = context.constantValue(output.ref());
        String tensor =
                folded.isPresent() && !context.isMaterialized(output.ref())
                        ? context.initializer(producer, "value", folded.get())
                        : context.tensor(output.ref());
        if (!tensor.equals(name)) {
            // the TF output was folded or aliased: give ONNX's output its signature name
            graph.reserve(name);
            context.emit("Identity", List.of(tensor), name);
        }
        TensorType type = output.type() != null ? output.type() : typeOf(producer, "T");
        graph.output(name, type, output.shape());
    }

    private static TensorType typeOf(TfjsNode node, String attribute) {
        try {
            return node.attributes().type(attribute).orElse(TensorType.FLOAT);
        } catch (IllegalArgumentException e) {
            throw new ModelConversionException(node + ": " + e.getMessage(), e);
        }
    }
}
