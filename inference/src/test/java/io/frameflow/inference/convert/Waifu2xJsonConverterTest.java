package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny hand-made waifu2x JSON models whose outputs can be worked out by hand, converted and run in
 * ONNX Runtime.
 */
class Waifu2xJsonConverterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    /** A 3x3 convolution whose weight is {@code value} at kernel (ky, kx) from in == out. */
    private static ObjectNode layer(int in, int out, int ky, int kx, double value, double bias) {
        ObjectNode layer = JSON.createObjectNode();
        layer.put("class_name", "nn.SpatialConvolutionMM");
        layer.put("nInputPlane", in).put("nOutputPlane", out);
        layer.put("kW", 3).put("kH", 3).put("dW", 1).put("dH", 1).put("padW", 0).put("padH", 0);
        ArrayNode weight = layer.putArray("weight");
        ArrayNode biases = layer.putArray("bias");
        for (int o = 0; o < out; o++) {
            ArrayNode perOut = weight.addArray();
            for (int i = 0; i < in; i++) {
                ArrayNode kernel = perOut.addArray();
                for (int y = 0; y < 3; y++) {
                    ArrayNode row = kernel.addArray();
                    for (int x = 0; x < 3; x++) {
                        row.add(i == o && y == ky && x == kx ? value : 0.0);
                    }
                }
            }
            biases.add(bias);
        }
        return layer;
    }

    private Path write(ObjectNode... layers) throws Exception {
        ArrayNode model = JSON.createArrayNode();
        for (ObjectNode layer : layers) {
            model.add(layer);
        }
        ((ObjectNode) model.get(0))
                .putObject("model_config")
                .put("arch_name", "vgg_7")
                .put("scale_factor", 1)
                .put("offset", layers.length);
        Path json = dir.resolve("model.json");
        JSON.writeValue(json.toFile(), model);
        return json;
    }

    private float[] run(Path json, int h, int w, float[] input) throws Exception {
        Path onnx = dir.resolve("model.onnx");
        ConversionResult result = new Waifu2xJsonConverter().convert(json, onnx);
        assertThat(result.inputs()).containsExactly("input");
        assertThat(result.outputs()).containsExactly("output");
        Map<String, OrtRunner.Output> out =
                OrtRunner.run(onnx, new OrtRunner.Input("input", new long[] {1, 3, h, w}, input));
        assertThat(out.get("output").shape()).containsExactly(1, 3, h, w);
        return out.get("output").values();
    }

    private static float[] ramp(int count, float from, float step) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + i * step;
        }
        return values;
    }

    @Test
    void theLeakySlopeIsOneTenthBetweenLayersAndTheLastLayerIsLinear() throws Exception {
        // Both layers negate (centre tap -1). Positive x: -x, leaky -0.1x, negated 0.1x.
        // Negative x: -x > 0 passes, negated back to x. The last layer's negative output stays.
        Path json = write(layer(3, 3, 1, 1, -1, 0), layer(3, 3, 1, 1, -1, 0));
        float[] input = ramp(3 * 4 * 4, -0.5f, 0.02f);

        float[] output = run(json, 4, 4, input);

        float[] expected = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            expected[i] = input[i] > 0 ? 0.1f * input[i] : input[i];
        }
        assertClose(expected, output);
    }

    @Test
    void theBorderIsReflectedByTheOffset() throws Exception {
        // One layer taking the upper-left tap: out(y, x) = padded(y, x) = in(reflect(y-1),
        // reflect(x-1)); reflect(-1) = 1.
        Path json = write(layer(3, 3, 0, 0, 1, 0.25));
        int h = 3;
        int w = 4;
        float[] input = ramp(3 * h * w, 0, 0.01f);

        float[] output = run(json, h, w, input);

        float[] expected = new float[input.length];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sy = Math.abs(y - 1);
                    int sx = Math.abs(x - 1);
                    expected[(c * h + y) * w + x] = input[(c * h + sy) * w + sx] + 0.25f;
                }
            }
        }
        assertClose(expected, output);
    }

    @Test
    void rejectsALayerOfAnotherClassNamingIt() throws Exception {
        ObjectNode second = layer(3, 3, 1, 1, 1, 0);
        second.put("class_name", "nn.SpatialFullConvolution");
        Path json = write(layer(3, 3, 1, 1, 1, 0), second);

        assertThatThrownBy(() -> new Waifu2xJsonConverter().convert(json, dir.resolve("m.onnx")))
                .isInstanceOf(ModelConversionException.class)
                .hasMessageStartingWith(
                        "waifu2x layer 1: class_name 'nn.SpatialFullConvolution' is not"
                                + " supported");
        assertThat(dir.resolve("m.onnx")).doesNotExist();
    }

    @Test
    void rejectsPlanesThatDoNotChain() throws Exception {
        Path json = write(layer(3, 4, 1, 1, 1, 0), layer(3, 3, 1, 1, 1, 0));

        assertThatThrownBy(() -> new Waifu2xJsonConverter().convert(json, dir.resolve("m.onnx")))
                .hasMessage("waifu2x layer 1: nInputPlane is 3 but the previous layer gives 4");
    }

    @Test
    void rejectsAnOffsetThatDoesNotMatchTheLayers() throws Exception {
        Path json = write(layer(3, 3, 1, 1, 1, 0));
        ArrayNode model = (ArrayNode) JSON.readTree(json.toFile());
        ((ObjectNode) model.get(0).get("model_config")).put("offset", 7);
        JSON.writeValue(json.toFile(), model);

        assertThatThrownBy(() -> new Waifu2xJsonConverter().convert(json, dir.resolve("m.onnx")))
                .hasMessage(
                        "waifu2x model_config.offset 7 does not match its layers, which shrink"
                                + " the picture by 1 rows and 1 columns per side");
    }

    @Test
    void rejectsTruncatedWeights() throws Exception {
        ObjectNode broken = layer(3, 3, 1, 1, 1, 0);
        ((ArrayNode) broken.get("weight").get(2).get(1)).remove(2);
        Path json = write(broken);

        assertThatThrownBy(() -> new Waifu2xJsonConverter().convert(json, dir.resolve("m.onnx")))
                .hasMessage("waifu2x layer 0: weight has 2 entries at depth 2; expected 3");
    }

    @Test
    void rejectsAFileThatIsNotAListOfLayers() throws Exception {
        Path json = dir.resolve("model.json");
        Files.writeString(json, "{\"format\": \"layers-model\"}");

        assertThatThrownBy(() -> new Waifu2xJsonConverter().convert(json, dir.resolve("m.onnx")))
                .hasMessage(json + " is not a waifu2x model: expected a non-empty list of layers");
    }
}
