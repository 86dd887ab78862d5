package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static io.frameflow.inference.convert.ConversionHarness.assertMatches;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frameflow.inference.convert.TfReference.Axis;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvConverterTest {
    @TempDir Path dir;

    private static TfjsModelFixture conv(
            Nhwc x, long[] filterShape, float[] filter, String padding, long... strides) {
        return new TfjsModelFixture()
                .placeholder("x", x.shape())
                .floatConst("w", filterShape, filter)
                .op(
                        "conv",
                        "Conv2D",
                        List.of("x", "w"),
                        TfAttr.s("padding", padding),
                        TfAttr.s("data_format", "NHWC"),
                        TfAttr.ints("strides", strides))
                .output("conv");
    }

    @Test
    void conv2dSameWithStrideTwoMatchesTf() throws Exception {
        Nhwc x = Nhwc.random(1, 7, 6, 3, 1);
        float[] filter = TestData.uniform(3 * 3 * 3 * 4, 2);
        TfjsModelFixture model = conv(x, new long[] {3, 3, 3, 4}, filter, "SAME", 1, 2, 2, 1);

        Nhwc expected =
                TfReference.conv2d(x, filter, 4, Axis.same(7, 3, 2, 1), Axis.same(6, 3, 2, 1));
        assertMatches(expected, convertAndRun(model, dir, x));
    }

    @Test
    void conv2dValidWithDilationMatchesTf() throws Exception {
        Nhwc x = Nhwc.random(2, 9, 8, 2, 3);
        float[] filter = TestData.uniform(3 * 2 * 2 * 3, 4);
        TfjsModelFixture dilated =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .floatConst("w", new long[] {3, 2, 2, 3}, filter)
                        .op(
                                "conv",
                                "Conv2D",
                                List.of("x", "w"),
                                TfAttr.s("padding", "VALID"),
                                TfAttr.ints("strides", 1, 1, 1, 1),
                                TfAttr.ints("dilations", 1, 2, 3, 1))
                        .output("conv");

        Nhwc expected =
                TfReference.conv2d(x, filter, 3, Axis.valid(9, 3, 1, 2), Axis.valid(8, 2, 1, 3));
        assertMatches(expected, convertAndRun(dilated, dir, x));
    }

    @Test
    void conv2dExplicitPaddingMatchesTf() throws Exception {
        Nhwc x = Nhwc.random(1, 6, 5, 2, 5);
        float[] filter = TestData.uniform(3 * 3 * 2 * 2, 6);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .floatConst("w", new long[] {3, 3, 2, 2}, filter)
                        .op(
                                "conv",
                                "Conv2D",
                                List.of("x", "w"),
                                TfAttr.s("padding", "EXPLICIT"),
                                TfAttr.ints("explicit_paddings", 0, 0, 1, 2, 2, 0, 0, 0),
                                TfAttr.ints("strides", 1, 2, 2, 1))
                        .output("conv");

        Nhwc expected =
                TfReference.conv2d(
                        x, filter, 2, Axis.explicit(6, 3, 2, 1, 2), Axis.explicit(5, 3, 2, 2, 0));
        assertMatches(expected, convertAndRun(model, dir, x));
    }

    @Test
    void conv2dInNchwNeedsNoTransposes() throws Exception {
        Nhwc x = Nhwc.random(1, 5, 5, 2, 7);
        float[] filter = TestData.uniform(2 * 2 * 2 * 3, 8);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 1, 2, 5, 5)
                        .floatConst("w", new long[] {2, 2, 2, 3}, filter)
                        .op(
                                "conv",
                                "Conv2D",
                                List.of("x", "w"),
                                TfAttr.s("padding", "VALID"),
                                TfAttr.s("data_format", "NCHW"),
                                TfAttr.ints("strides", 1, 1, 2, 2))
                        .output("conv");

        Nhwc expected =
                TfReference.conv2d(x, filter, 3, Axis.valid(5, 2, 2, 1), Axis.valid(5, 2, 2, 1));
        OrtRunner.Output actual =
                convertAndRun(model, dir, "x", new long[] {1, 2, 5, 5}, x.toNchw());
        assertArrayEquals(new long[] {1, 3, 2, 2}, actual.shape());
        assertClose(expected.toNchw(), actual.values());
        assertTrue(
                ConversionHarness.opTypes(dir.resolve("model.onnx"))
                        .equals(List.of("Conv", "Identity")),
                "NCHW conv must not be wrapped in transposes");
    }

    @Test
    void depthwiseWithMultiplierMatchesTf() throws Exception {
        Nhwc x = Nhwc.random(1, 7, 7, 3, 9);
        float[] filter = TestData.uniform(3 * 3 * 3 * 2, 10);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .floatConst("w", new long[] {3, 3, 3, 2}, filter)
                        .op(
                                "dw",
                                "DepthwiseConv2dNative",
                                List.of("x", "w"),
                                TfAttr.s("padding", "SAME"),
                                TfAttr.ints("strides", 1, 2, 2, 1))
                        .output("dw");

        Nhwc expected =
                TfReference.depthwise(x, filter, 2, Axis.same(7, 3, 2, 1), Axis.same(7, 3, 2, 1));
        assertMatches(expected, convertAndRun(model, dir, x));
    }

    @ParameterizedTest
    @CsvSource({
        "_FusedConv2D, Relu",
        "_FusedConv2D, Relu6",
        "_FusedConv2D, LeakyRelu",
        "_FusedConv2D, Elu",
        "_FusedConv2D, Sigmoid",
        "_FusedConv2D, ''",
        "FusedDepthwiseConv2dNative, Relu6",
        "FusedDepthwiseConv2dNative, ''"
    })
    void fusedConvAddsBiasThenActivation(String op, String activation) throws Exception {
        boolean depthwise = op.contains("Depthwise");
        Nhwc x = Nhwc.random(1, 6, 6, 2, 11);
        int outChannels = depthwise ? 2 : 3;
        float[] filter = TestData.uniform(3 * 3 * 2 * (depthwise ? 1 : 3), 12);
        float[] bias = TestData.uniform(outChannels, 13);
        String[] fusedOps =
                activation.isEmpty()
                        ? new String[] {"BiasAdd"}
                        : new String[] {"BiasAdd", activation};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .floatConst("w", new long[] {3, 3, 2, depthwise ? 1 : 3}, filter)
                        .floatConst("b", new long[] {outChannels}, bias)
                        .op(
                                "fused",
                                op,
                                List.of("x", "w", "b"),
                                TfAttr.s("padding", "SAME"),
                                TfAttr.ints("strides", 1, 1, 1, 1),
                                TfAttr.strings("fused_ops", fusedOps),
                                TfAttr.i("num_args", 1),
                                TfAttr.f("leakyrelu_alpha", 0.3))
                        .output("fused");

        Axis axis = Axis.same(6, 3, 1, 1);
        Nhwc expected =
                depthwise
                        ? TfReference.depthwise(x, filter, 1, axis, axis)
                        : TfReference.conv2d(x, filter, 3, axis, axis);
        DoubleUnaryOperator f = activation(activation);
        for (int i = 0; i < expected.data().length; i++) {
            expected.data()[i] =
                    (float) f.applyAsDouble(expected.data()[i] + bias[i % outChannels]);
        }
        assertMatches(expected, convertAndRun(model, dir, x));
    }

    private static DoubleUnaryOperator activation(String name) {
        switch (name) {
            case "Relu":
                return v -> Math.max(v, 0);
            case "Relu6":
                return v -> Math.min(Math.max(v, 0), 6);
            case "LeakyRelu":
                return v -> v < 0 ? 0.3 * v : v;
            case "Elu":
                return v -> v < 0 ? Math.exp(v) - 1 : v;
            case "Sigmoid":
                return v -> 1 / (1 + Math.exp(-v));
            default:
                return v -> v;
        }
    }

    @Test
    void fusedConvWithPreluUsesPerChannelSlopes() throws Exception {
        Nhwc x = Nhwc.random(1, 4, 5, 2, 14);
        float[] filter = TestData.uniform(1 * 1 * 2 * 3, 15);
        float[] bias = {0.1f, -0.2f, 0.3f};
        float[] slopes = {0.5f, -1.5f, 2f};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .floatConst("w", new long[] {1, 1, 2, 3}, filter)
                        .floatConst("b", new long[] {3}, bias)
                        .floatConst("alpha", new long[] {1, 1, 3}, slopes)
                        .op(
                                "fused",
                                "_FusedConv2D",
                                List.of("x", "w", "b", "alpha"),
                                TfAttr.s("padding", "VALID"),
                                TfAttr.ints("strides", 1, 1, 1, 1),
                                TfAttr.strings("fused_ops", "BiasAdd", "Prelu"),
                                TfAttr.i("num_args", 2))
                        .output("fused");

        Axis axis = Axis.valid(4, 1, 1, 1);
        Nhwc expected = TfReference.conv2d(x, filter, 3, axis, Axis.valid(5, 1, 1, 1));
        for (int i = 0; i < expected.data().length; i++) {
            float v = expected.data()[i] + bias[i % 3];
            expected.data()[i] = v < 0 ? slopes[i % 3] * v : v;
        }
        assertMatches(expected, convertAndRun(model, dir, x));
    }

    @Test
    void float16AndUint8FiltersDecodeToTheirValues() throws Exception {
        Nhwc x = Nhwc.random(1, 5, 5, 2, 16);
        float[] half = TestData.halfExact(3 * 3 * 2 * 2, 17);
        int[] codes = new int[2 * 2 * 2 * 1];
        float[] dequantized = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (i * 37 + 11) % 256;
            dequantized[i] = (float) (codes[i] * 0.01 - 1.2);
        }
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .float16Const("w16", new long[] {3, 3, 2, 2}, half)
                        .uint8Const("w8", new long[] {2, 2, 2, 1}, codes, 0.01, -1.2)
                        .op(
                                "c1",
                                "Conv2D",
                                List.of("x", "w16"),
                                TfAttr.s("padding", "SAME"),
                                TfAttr.ints("strides", 1, 1, 1, 1))
                        .op(
                                "c2",
                                "Conv2D",
                                List.of("c1", "w8"),
                                TfAttr.s("padding", "VALID"),
                                TfAttr.ints("strides", 1, 1, 1, 1))
                        .output("c2");

        Nhwc first = TfReference.conv2d(x, half, 2, Axis.same(5, 3, 1, 1), Axis.same(5, 3, 1, 1));
        Nhwc expected =
                TfReference.conv2d(
                        first, dequantized, 1, Axis.valid(5, 2, 1, 1), Axis.valid(5, 2, 1, 1));
        assertMatches(expected, convertAndRun(model, dir, x));
    }

    @Test
    void filterComputedAtRunTimeIsRejectedNamingTheNode() throws Exception {
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 1, 4, 4, 1)
                        .placeholder("w", 1, 1, 1, 1)
                        .op("conv", "Conv2D", List.of("x", "w"), TfAttr.s("padding", "VALID"))
                        .output("conv");

        ModelConversionException e =
                assertThrows(
                        ModelConversionException.class,
                        () -> ConversionHarness.convert(model, dir));
        assertTrue(e.getMessage().contains("node 'conv' (op Conv2D)"), e.getMessage());
        assertTrue(e.getMessage().contains("input 1 ('w') must be a constant"), e.getMessage());
    }

    @Test
    void unsupportedFusedOpIsRejected() throws Exception {
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 1, 4, 4, 1)
                        .floatConst("w", new long[] {1, 1, 1, 1}, new float[] {1})
                        .op(
                                "fused",
                                "_FusedConv2D",
                                List.of("x", "w"),
                                TfAttr.s("padding", "VALID"),
                                TfAttr.strings("fused_ops", "FusedBatchNorm"))
                        .output("fused");

        ModelConversionException e =
                assertThrows(
                        ModelConversionException.class,
                        () -> ConversionHarness.convert(model, dir));
        assertTrue(e.getMessage().contains("node 'fused' (op _FusedConv2D)"), e.getMessage());
        assertTrue(e.getMessage().contains("[FusedBatchNorm] are not supported"), e.getMessage());
    }
}
