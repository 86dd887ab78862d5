package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static io.frameflow.inference.convert.ConversionHarness.convert;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ElementwiseConverterTest {
    private static final Map<String, DoubleBinaryOperator> SEMANTICS =
            Map.of(
                    "Add", Double::sum,
                    "AddV2", Double::sum,
                    "Sub", (a, b) -> a - b,
                    "Mul", (a, b) -> a * b,
                    "RealDiv", (a, b) -> a / b,
                    "Maximum", Math::max,
                    "Minimum", Math::min);

    @TempDir Path dir;

    /** x [2, 3, 4] op y [3, 1], both fed at run time: y broadcasts over axes 0 and 2. */
    @ParameterizedTest
    @ValueSource(strings = {"Add", "AddV2", "Sub", "Mul", "RealDiv", "Maximum", "Minimum"})
    void binaryOpsBroadcastLikeNumpy(String op) throws Exception {
        float[] x = TestData.uniform(24, 51);
        float[] y = {0.5f, -2f, 3f};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 3, 4)
                        .placeholder("y", 3, 1)
                        .op("z", op, List.of("x", "y"))
                        .output("z");

        Map<String, OrtRunner.Output> out =
                OrtRunner.run(
                        convert(model, dir),
                        new OrtRunner.Input("x", new long[] {2, 3, 4}, x),
                        new OrtRunner.Input("y", new long[] {3, 1}, y));

        float[] expected = new float[24];
        for (int i = 0; i < 24; i++) {
            expected[i] = (float) SEMANTICS.get(op).applyAsDouble(x[i], y[(i / 4) % 3]);
        }
        assertArrayEquals(new long[] {2, 3, 4}, out.get("z").shape());
        assertClose(expected, out.get("z").values());
    }

    @Test
    void constantOperandBecomesAnInitializer() throws Exception {
        float[] x = TestData.uniform(6, 52);
        float[] c = {1f, 2f, 3f};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 3)
                        .floatConst("c", new long[] {3}, c)
                        .op("z", "Sub", List.of("c", "x"))
                        .output("z");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {2, 3}, x);

        float[] expected = new float[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = c[i % 3] - x[i];
        }
        assertClose(expected, out.values());
    }

    @Test
    void biasAddFollowsDataFormat() throws Exception {
        float[] x = TestData.uniform(12, 53);
        float[] bias = {10f, 20f, 30f};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("nhwc", 1, 2, 2, 3)
                        .placeholder("nchw", 1, 3, 2, 2)
                        .floatConst("b", new long[] {3}, bias)
                        .op("last", "BiasAdd", List.of("nhwc", "b"))
                        .op(
                                "first",
                                "BiasAdd",
                                List.of("nchw", "b"),
                                TfAttr.s("data_format", "NCHW"))
                        .output("last")
                        .output("first");

        Map<String, OrtRunner.Output> out =
                OrtRunner.run(
                        convert(model, dir),
                        new OrtRunner.Input("nhwc", new long[] {1, 2, 2, 3}, x),
                        new OrtRunner.Input("nchw", new long[] {1, 3, 2, 2}, x));

        float[] channelsLast = new float[12];
        float[] channelsFirst = new float[12];
        for (int i = 0; i < 12; i++) {
            channelsLast[i] = x[i] + bias[i % 3];
            channelsFirst[i] = x[i] + bias[i / 4];
        }
        assertClose(channelsLast, out.get("last").values());
        assertClose(channelsFirst, out.get("first").values());
    }

    @Test
    void addNSumsAllInputs() throws Exception {
        float[] x = TestData.uniform(4, 54);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 4)
                        .floatConst("c", new long[] {4}, new float[] {1, 2, 3, 4})
                        .op("sq", "Mul", List.of("x", "x"))
                        .op("sum", "AddN", List.of("x", "sq", "c"))
                        .output("sum");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {4}, x);

        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = x[i] + x[i] * x[i] + (i + 1);
        }
        assertClose(expected, out.values());
    }
}
