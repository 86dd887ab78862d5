package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits the ONNX nodes of one ncnn layer at a time, reading its weights in file order. Blob names
 * become tensor names; {@code Split} outputs become aliases of its input. The number of channels of
 * each blob is tracked where it is known, so that graph inputs and outputs get a useful shape.
 */
final class NcnnLayerTranslator {
    private final OnnxGraphBuilder graph;
    private final NcnnWeightReader weights;
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Long> channels = new HashMap<>();

    NcnnLayerTranslator(OnnxGraphBuilder graph, NcnnWeightReader weights) {
        this.graph = graph;
        this.weights = weights;
    }

    /** The tensor a blob name stands for. */
    String tensor(String blob) {
        return aliases.getOrDefault(blob, blob);
    }

    long channels(String blob) {
        return channels.getOrDefault(tensor(blob), -1L);
    }

    void setChannels(String blob, long count) {
        channels.put(blob, count);
    }

    void translate(NcnnLayer layer) {
        switch (layer.type()) {
            case "Split" -> split(layer);
            case "Convolution" -> convolution(layer);
            case "PReLU" -> prelu(layer);
            case "ReLU" -> relu(layer);
            case "PixelShuffle" -> pixelShuffle(layer);
            case "Interp" -> interp(layer);
            case "BinaryOp" -> binaryOp(layer);
            case "Eltwise" -> eltwise(layer);
            case "Concat" -> concat(layer);
            default ->
                    throw layer.problem(
                            "layer type is not supported; supported: Input, Split, Convolution, PReLU,"
                                    + " ReLU, PixelShuffle, Interp, BinaryOp, Eltwise, Concat");
        }
    }

    private void split(NcnnLayer layer) {
        layer.onlyParams();
        if (layer.inputs().size() != 1) {
            layer.expectBlobs(1, layer.outputs().size());
        }
        for (String out : layer.outputs()) {
            aliases.put(out, tensor(layer.inputs().get(0)));
        }
    }

    private void convolution(NcnnLayer layer) {
        layer.expectBlobs(1, 1);
        layer.onlyParams(0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16);
        int out = positive(layer, 0);
        int kw = layer.integer(1, 1);
        int kh = layer.integer(11, kw);
        int[] pads = convolutionPads(layer);
        int weightCount = positive(layer, 6);
        if (kw <= 0 || kh <= 0 || weightCount % (out * kw * kh) != 0) {
            throw layer.problem(
                    "weight_data_size "
                            + weightCount
                            + " is not a multiple of num_output x kernel ("
                            + out
                            + " x "
                            + kh
                            + " x "
                            + kw
                            + ")");
        }
        int in = weightCount / (out * kw * kh);
        List<String> inputs = new ArrayList<>(List.of(tensor(layer.inputs().get(0))));
        inputs.add(
                graph.constant(
                        layer.name() + "_weight",
                        ConstTensor.ofFloats(
                                new long[] {out, in, kh, kw},
                                weights.tagged(weightCount, layer, "weights"))));
        if (layer.integer(5, 0) != 0) {
            inputs.add(
                    graph.constant(
                            layer.name() + "_bias",
                            ConstTensor.ofFloats(
                                    new long[] {out}, weights.raw(out, layer, "bias"))));
        }
        int stride = layer.integer(3, 1);
        int dilation = layer.integer(2, 1);
        List<AttributeProto> attributes =
                List.of(
                        OnnxAttributes.ints("kernel_shape", kh, kw),
                        OnnxAttributes.ints("strides", layer.integer(13, stride), stride),
                        OnnxAttributes.ints("dilations", layer.integer(12, dilation), dilation),
                        OnnxAttributes.ints("pads", pads[0], pads[1], pads[2], pads[3]));
        String output = layer.outputs().get(0);
        int activation = layer.integer(9, 0);
        String convolved = activation == 0 ? output : graph.uniqueName(layer.name() + "_linear");
        graph.node("Conv", inputs, List.of(convolved), attributes);
        switch (activation) {
            case 0 -> {}
            case 1 -> graph.node("Relu", List.of(convolved), List.of(output), List.of());
            default ->
                    throw layer.problem(
                            "activation_type " + activation + " is not supported; supported: 0, 1");
        }
        channels.put(output, (long) out);
        if (channels(layer.inputs().get(0)) < 0) {
            channels.put(tensor(layer.inputs().get(0)), (long) in);
        }
    }

    /** ONNX pads [top, left, bottom, right] from ncnn's pad_left (4), _top (14), etc. */
    private static int[] convolutionPads(NcnnLayer layer) {
        int left = layer.integer(4, 0);
        int top = layer.integer(14, left);
        int[] pads = {top, left, layer.integer(16, top), layer.integer(15, left)};
        for (int pad : pads) {
            if (pad < 0) {
                throw layer.problem(
                        "automatic ('SAME') padding " + pad + " is not supported; give pads");
            }
        }
        return pads;
    }

    private void prelu(NcnnLayer layer) {
        layer.expectBlobs(1, 1);
        layer.onlyParams(0);
        int count = layer.integer(0, 1);
        float[] slopes = weights.raw(count, layer, "slopes");
        long[] shape = count == 1 ? new long[] {1} : new long[] {count, 1, 1};
        String slope = graph.constant(layer.name() + "_slope", ConstTensor.ofFloats(shape, slopes));
        graph.node(
                "PRelu",
                List.of(tensor(layer.inputs().get(0)), slope),
                List.of(layer.outputs().get(0)),
                List.of());
        keepChannels(layer);
    }

    private void relu(NcnnLayer layer) {
        layer.expectBlobs(1, 1);
        layer.onlyParams(0);
        float slope = layer.real(0, 0f);
        List<String> in = List.of(tensor(layer.inputs().get(0)));
        List<String> out = List.of(layer.outputs().get(0));
        if (slope == 0f) {
            graph.node("Relu", in, out, List.of());
        } else {
            graph.node("LeakyRelu", in, out, List.of(OnnxAttributes.real("alpha", slope)));
        }
        keepChannels(layer);
    }

    private void pixelShuffle(NcnnLayer layer) {
        layer.expectBlobs(1, 1);
        layer.onlyParams(0, 1);
        int factor = positive(layer, 0);
        if (layer.integer(1, 0) != 0) {
            throw layer.problem("mode " + layer.integer(1, 0) + " is not supported; only 0 is");
        }
        // ncnn's mode 0 takes output channel c from input channels c*r*r + i*r + j: ONNX's CRD.
        graph.node(
                "DepthToSpace",
                List.of(tensor(layer.inputs().get(0))),
                List.of(layer.outputs().get(0)),
                List.of(
                        OnnxAttributes.integer("blocksize", factor),
                        OnnxAttributes.string("mode", "CRD")));
        long in = channels(layer.inputs().get(0));
        channels.put(layer.outputs().get(0), in < 0 ? -1 : in / ((long) factor * factor));
    }

    private void interp(NcnnLayer layer) {
        layer.expectBlobs(1, 1);
        layer.onlyParams(0, 1, 2, 3, 4, 5, 6);
        if (layer.integer(3, 0) != 0 || layer.integer(4, 0) != 0 || layer.integer(5, 0) != 0) {
            throw layer.problem("resizing to a fixed or dynamic size is not supported; use scales");
        }
        List<AttributeProto> attributes = NcnnResizeModes.attributes(layer);
        float scaleH = layer.real(1, 1f);
        float scaleW = layer.real(2, 1f);
        if (!(scaleH > 0) || !(scaleW > 0)) {
            throw layer.problem("scales " + scaleH + " x " + scaleW + " are not positive");
        }
        String scales =
                graph.constant(
                        layer.name() + "_scales",
                        ConstTensor.ofFloats(new long[] {4}, new float[] {1, 1, scaleH, scaleW}));
        graph.node(
                "Resize",
                List.of(tensor(layer.inputs().get(0)), "", scales),
                List.of(layer.outputs().get(0)),
                attributes);
        keepChannels(layer);
    }

    private void binaryOp(NcnnLayer layer) {
        layer.onlyParams(0, 1, 2);
        String op = binaryOpType(layer, layer.integer(0, 0));
        List<String> inputs = new ArrayList<>();
        if (layer.integer(1, 0) != 0) {
            layer.expectBlobs(1, 1);
            inputs.add(tensor(layer.inputs().get(0)));
            inputs.add(graph.constant(layer.name() + "_b", ConstTensor.scalar(layer.real(2, 0f))));
        } else {
            layer.expectBlobs(2, 1);
            layer.inputs().forEach(blob -> inputs.add(tensor(blob)));
        }
        graph.node(op, inputs, List.of(layer.outputs().get(0)), List.of());
        keepChannels(layer);
    }

    private static String binaryOpType(NcnnLayer layer, int type) {
        return switch (type) {
            case 0 -> "Add";
            case 1 -> "Sub";
            case 2 -> "Mul";
            case 3 -> "Div";
            default ->
                    throw layer.problem(
                            "op_type "
                                    + type
                                    + " is not supported; supported: 0 (add), 1 (sub), 2 (mul),"
                                    + " 3 (div)");
        };
    }

    private void eltwise(NcnnLayer layer) {
        layer.onlyParams(0);
        if (layer.inputs().size() < 2 || layer.outputs().size() != 1) {
            layer.expectBlobs(2, 1);
        }
        String op =
                switch (layer.integer(0, 1)) {
                    case 0 -> "Mul";
                    case 1 -> "Sum";
                    case 2 -> "Max";
                    default ->
                            throw layer.problem(
                                    "op_type " + layer.integer(0, 1) + " is not supported");
                };
        List<String> inputs = layer.inputs().stream().map(this::tensor).toList();
        if (op.equals("Mul") && inputs.size() != 2) {
            throw layer.problem("a product of " + inputs.size() + " blobs is not supported");
        }
        graph.node(op, inputs, List.of(layer.outputs().get(0)), List.of());
        keepChannels(layer);
    }

    private void concat(NcnnLayer layer) {
        layer.onlyParams(0);
        if (layer.inputs().isEmpty() || layer.outputs().size() != 1) {
            layer.expectBlobs(2, 1);
        }
        int axis = layer.integer(0, 0);
        graph.node(
                "Concat",
                layer.inputs().stream().map(this::tensor).toList(),
                List.of(layer.outputs().get(0)),
                // ncnn's axes leave out the batch
                List.of(OnnxAttributes.integer("axis", axis + 1)));
        long sum = 0;
        for (String blob : layer.inputs()) {
            long c = channels(blob);
            sum = c < 0 || sum < 0 ? -1 : sum + c;
        }
        channels.put(layer.outputs().get(0), axis == 0 ? sum : channels(layer.inputs().get(0)));
    }

    private void keepChannels(NcnnLayer layer) {
        channels.put(layer.outputs().get(0), channels(layer.inputs().get(0)));
    }

    private static int positive(NcnnLayer layer, int id) {
        int value = layer.integer(id, 0);
        if (value <= 0) {
            throw layer.problem(
                    "parameter " + id + " is " + value + "; expected a positive integer");
        }
        return value;
    }
}
