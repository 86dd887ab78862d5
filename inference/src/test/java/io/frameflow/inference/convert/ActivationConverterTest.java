package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static io.frameflow.inference.convert.ConversionHarness.convert;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationConverterTest {
    /** TF semantics of each unary op, from the TF op documentation. */
    private static final Map<String, DoubleUnaryOperator> SEMANTICS =
            Map.ofEntries(
                    Map.entry("Relu", v -> Math.max(v, 0)),
                    Map.entry("Relu6", v -> Math.min(Math.max(v, 0), 6)),
                    Map.entry("Elu", v -> v < 0 ? Math.exp(v) - 1 : v),
                    Map.entry("Sigmoid", v -> 1 / (1 + Math.exp(-v))),
                    Map.entry("Tanh", Math::tanh),
                    Map.entry("Exp", Math::exp),
                    Map.entry("Log", Math::log),
                    Map.entry("Abs", Math::abs),
                    Map.entry("Neg", v -> -v),
                    Map.entry("Sqrt", Math::sqrt),
                    Map.entry("Rsqrt", v -> 1 / Math.sqrt(v)),
                    Map.entry("Square", v -> v * v),
                    Map.entry("Reciprocal", v -> 1 / v),
                    Map.entry("Floor", Math::floor));

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Relu",
                "Relu6",
                "Elu",
                "Sigmoid",
                "Tanh",
                "Exp",
                "Log",
                "Abs",
                "Neg",
                "Sqrt",
                "Rsqrt",
                "Square",
                "Reciprocal",
                "Floor"
            })
    void unaryOpMatchesTf(String op) throws Exception {
        boolean positiveOnly = Set.of("Log", "Sqrt", "Rsqrt", "Reciprocal").contains(op);
        float[] x = TestData.uniform(40, 61);
        for (int i = 0; i < x.length; i++) {
            // spread over [-8, 8) so that Relu6 clips; positive ops get (0.1, 8.1)
            x[i] = positiveOnly ? Math.abs(x[i] * 8) + 0.1f : x[i] * 8;
        }
        TfjsModelFixture model =
                new TfjsModelFixture().placeholder("x", 5, 8).op("y", op, List.of("x")).output("y");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {5, 8}, x);

        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = (float) SEMANTICS.get(op).applyAsDouble(x[i]);
        }
        assertClose(expected, out.values());
    }

    @Test
    void leakyReluUsesItsAlphaOrTfsDefault() throws Exception {
        float[] x = {-2f, -0.5f, 0f, 1.5f};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 4)
                        .op("given", "LeakyRelu", List.of("x"), TfAttr.f("alpha", 0.1))
                        .op("default", "LeakyRelu", List.of("x"))
                        .output("given")
                        .output("default");

        Map<String, OrtRunner.Output> out =
                OrtRunner.run(convert(model, dir), new OrtRunner.Input("x", new long[] {4}, x));

        assertClose(new float[] {-0.2f, -0.05f, 0f, 1.5f}, out.get("given").values());
        assertClose(new float[] {-0.4f, -0.1f, 0f, 1.5f}, out.get("default").values());
    }

    @Test
    void preluScalesNegativesPerChannel() throws Exception {
        float[] x = {-1f, -2f, 3f, 4f, -5f, 6f};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 3)
                        .floatConst("alpha", new long[] {3}, new float[] {0.5f, 2f, -1f})
                        .op("y", "Prelu", List.of("x", "alpha"))
                        .output("y");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {2, 3}, x);

        assertClose(new float[] {-0.5f, -4f, 3f, 4f, -10f, 6f}, out.values());
    }

    @Test
    void softmaxNormalisesTheLastAxis() throws Exception {
        float[] x = TestData.uniform(10, 62);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 5)
                        .op("y", "Softmax", List.of("x"))
                        .output("y");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {2, 5}, x);

        float[] expected = new float[10];
        for (int row = 0; row < 2; row++) {
            double sum = 0;
            for (int j = 0; j < 5; j++) {
                sum += Math.exp(x[row * 5 + j]);
            }
            for (int j = 0; j < 5; j++) {
                expected[row * 5 + j] = (float) (Math.exp(x[row * 5 + j]) / sum);
            }
        }
        assertClose(expected, out.values());
    }
}
