package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertMatches;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;
import static io.frameflow.inference.convert.ConversionHarness.opTypes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.frameflow.inference.convert.TfReference.Axis;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transposes move below element-wise ops so that the ones around NHWC convolutions cancel. */
class TransposeSinkingTest {
    @TempDir Path dir;

    /**
     * An NHWC chain like MediaPipe's: conv, bias, Relu6, a constant on the left of a Sub, a
     * per-channel scale, PReLU, conv. Every constant must be re-laid out for NCHW.
     */
    @Test
    void nhwcChainKeepsOnlyTheOuterTransposes() throws Exception {
        Nhwc x = Nhwc.random(1, 5, 6, 2, 121);
        float[] w1 = TestData.uniform(3 * 3 * 2 * 3, 122);
        float[] w2 = TestData.uniform(1 * 1 * 3 * 2, 123);
        float[] bias = {0.5f, -0.25f, 0.125f};
        float[] offset = {1f, 2f, 3f};
        float[] scale = {2f, -1f, 0.5f};
        float[] slope = {0.1f, 0.2f, 0.3f};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .floatConst("w1", new long[] {3, 3, 2, 3}, w1)
                        .floatConst("w2", new long[] {1, 1, 3, 2}, w2)
                        .floatConst("bias", new long[] {3}, bias)
                        .floatConst("offset", new long[] {1, 1, 3}, offset)
                        .floatConst("scale", new long[] {3}, scale)
                        .floatConst("slope", new long[] {3}, slope)
                        .op(
                                "c1",
                                "Conv2D",
                                List.of("x", "w1"),
                                TfAttr.s("padding", "SAME"),
                                TfAttr.ints("strides", 1, 1, 1, 1))
                        .op("b1", "BiasAdd", List.of("c1", "bias"))
                        .op("r1", "Relu6", List.of("b1"))
                        .op("s1", "Sub", List.of("offset", "r1"))
                        .op("m1", "Mul", List.of("s1", "scale"))
                        .op("p1", "Prelu", List.of("m1", "slope"))
                        .op(
                                "c2",
                                "Conv2D",
                                List.of("p1", "w2"),
                                TfAttr.s("padding", "VALID"),
                                TfAttr.ints("strides", 1, 1, 1, 1))
                        .output("c2");

        OrtRunner.Output out = convertAndRun(model, dir, x);

        Axis ay = Axis.same(5, 3, 1, 1);
        Axis ax = Axis.same(6, 3, 1, 1);
        Nhwc hidden = TfReference.conv2d(x, w1, 3, ay, ax);
        for (int i = 0; i < hidden.data().length; i++) {
            int c = i % 3;
            float v = Math.min(Math.max(hidden.data()[i] + bias[c], 0), 6);
            v = (offset[c] - v) * scale[c];
            hidden.data()[i] = v < 0 ? slope[c] * v : v;
        }
        Nhwc expected =
                TfReference.conv2d(hidden, w2, 2, Axis.valid(5, 1, 1, 1), Axis.valid(6, 1, 1, 1));
        assertMatches(expected, out);
        List<String> ops = opTypes(dir.resolve("model.onnx"));
        assertEquals(2, Collections.frequency(ops, "Transpose"), ops.toString());
    }

    @Test
    void constantsAreRelaidForTheTransposedLayout() {
        // c [2, 3] broadcast against NHWC [n, h, 2, 3] must become [1, 3, 1, 2] for NCHW
        ConstTensor c = ConstTensor.ofFloats(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});

        ConstTensor relaid = TransposeSinking.relaid(c, SpatialAttributes.TO_NHWC);

        assertArrayEquals(new long[] {1, 3, 1, 2}, relaid.shape());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, relaid.floats());
    }

    @Test
    void aTransposeWithTwoUsesStaysWhereItIs() throws Exception {
        Nhwc x = Nhwc.random(1, 3, 3, 2, 124);
        float[] w = TestData.uniform(2 * 2, 125);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .floatConst("w", new long[] {1, 1, 2, 2}, w)
                        .op(
                                "c",
                                "Conv2D",
                                List.of("x", "w"),
                                TfAttr.s("padding", "VALID"),
                                TfAttr.ints("strides", 1, 1, 1, 1))
                        .op("r", "Relu", List.of("c"))
                        .op("s", "Sigmoid", List.of("c"))
                        .op("sum", "AddV2", List.of("r", "s"))
                        .output("sum");

        OrtRunner.Output out = convertAndRun(model, dir, x);

        Axis one = Axis.valid(3, 1, 1, 1);
        Nhwc expected = TfReference.conv2d(x, w, 2, one, one);
        for (int i = 0; i < expected.data().length; i++) {
            float v = expected.data()[i];
            expected.data()[i] = (float) (Math.max(v, 0) + 1 / (1 + Math.exp(-v)));
        }
        assertMatches(expected, out);
    }
}
