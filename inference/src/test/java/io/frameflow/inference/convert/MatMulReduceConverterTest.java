package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static io.frameflow.inference.convert.ConversionHarness.convert;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matrix products (MatMul, _FusedMatMul) and reductions (Mean, Sum, Max, Min, Prod). */
class MatMulReduceConverterTest {
    @TempDir Path dir;

    private static float[] matmul(float[] a, float[] b, int m, int k, int n) {
        float[] out = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                out[i * n + j] = (float) sum;
            }
        }
        return out;
    }

    private static float[] transposed(float[] a, int rows, int cols) {
        float[] out = new float[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = a[i * cols + j];
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void matMulHonoursTransposeFlags(boolean transposeA, boolean transposeB) throws Exception {
        float[] a = TestData.uniform(2 * 3, 91);
        float[] b = TestData.uniform(3 * 4, 92);
        float[] storedA = transposeA ? transposed(a, 2, 3) : a;
        float[] storedB = transposeB ? transposed(b, 3, 4) : b;
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("a", transposeA ? 3 : 2, transposeA ? 2 : 3)
                        .floatConst(
                                "b", transposeB ? new long[] {4, 3} : new long[] {3, 4}, storedB)
                        .op(
                                "y",
                                "MatMul",
                                List.of("a", "b"),
                                TfAttr.b("transpose_a", transposeA),
                                TfAttr.b("transpose_b", transposeB))
                        .output("y");

        long[] shapeA = transposeA ? new long[] {3, 2} : new long[] {2, 3};
        OrtRunner.Output out = convertAndRun(model, dir, "a", shapeA, storedA);

        assertArrayEquals(new long[] {2, 4}, out.shape());
        assertClose(matmul(a, b, 2, 3, 4), out.values());
    }

    @Test
    void fusedMatMulAddsBiasThenActivation() throws Exception {
        float[] a = TestData.uniform(2 * 3, 93);
        float[] b = TestData.uniform(3 * 2, 94);
        float[] bias = {0.25f, -0.75f};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("a", 2, 3)
                        .floatConst("b", new long[] {3, 2}, b)
                        .floatConst("bias", new long[] {2}, bias)
                        .op(
                                "y",
                                "_FusedMatMul",
                                List.of("a", "b", "bias"),
                                TfAttr.strings("fused_ops", "BiasAdd", "Relu"),
                                TfAttr.i("num_args", 1))
                        .output("y");

        OrtRunner.Output out = convertAndRun(model, dir, "a", new long[] {2, 3}, a);

        float[] expected = matmul(a, b, 2, 3, 2);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.max(expected[i] + bias[i % 2], 0);
        }
        assertClose(expected, out.values());
    }

    @Test
    void reductionsMatchTf() throws Exception {
        float[] x = TestData.uniform(2 * 3 * 2, 95);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 3, 2)
                        .intVector("inner", 1, 2)
                        .intVector("last", -1)
                        .intVector("none")
                        .op("mean", "Mean", List.of("x", "inner"))
                        .op("sum", "Sum", List.of("x", "last"), TfAttr.b("keep_dims", true))
                        .op("max", "Max", List.of("x", "inner"))
                        .op("same", "Min", List.of("x", "none"))
                        .output("mean")
                        .output("sum")
                        .output("max")
                        .output("same");

        Map<String, OrtRunner.Output> out =
                OrtRunner.run(
                        convert(model, dir), new OrtRunner.Input("x", new long[] {2, 3, 2}, x));

        float[] mean = new float[2];
        float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE};
        float[] sum = new float[6];
        for (int i = 0; i < x.length; i++) {
            mean[i / 6] += x[i] / 6;
            max[i / 6] = Math.max(max[i / 6], x[i]);
            sum[i / 2] += x[i];
        }
        assertClose(mean, out.get("mean").values());
        assertClose(max, out.get("max").values());
        assertArrayEquals(new long[] {2, 3, 1}, out.get("sum").shape());
        assertClose(sum, out.get("sum").values());
        assertArrayEquals(new long[] {2, 3, 2}, out.get("same").shape());
        assertClose(x, out.get("same").values());
    }
}
