package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static io.frameflow.inference.convert.ConversionHarness.convert;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ops that move values around without arithmetic: Transpose, Reshape, Squeeze, ExpandDims. */
class ReshapeConverterTest {
    @TempDir Path dir;

    @Test
    void transposePermutesAxes() throws Exception {
        float[] x = TestData.uniform(24, 71);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 3, 4)
                        .intVector("perm", 2, 0, 1)
                        .op("t", "Transpose", List.of("x", "perm"))
                        .output("t");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {2, 3, 4}, x);

        float[] expected = new float[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    expected[(k * 2 + i) * 3 + j] = x[(i * 3 + j) * 4 + k];
                }
            }
        }
        assertArrayEquals(new long[] {4, 2, 3}, out.shape());
        assertClose(expected, out.values());
    }

    @Test
    void reshapeInfersMinusOneFromAConstantShape() throws Exception {
        float[] x = TestData.uniform(24, 72);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 3, 4)
                        .intVector("shape", -1, 6)
                        .op("r", "Reshape", List.of("x", "shape"))
                        .output("r");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {2, 3, 4}, x);

        assertArrayEquals(new long[] {4, 6}, out.shape());
        assertClose(x, out.values());
    }

    @Test
    void reshapeCastsAComputedInt32ShapeToInt64() throws Exception {
        float[] x = TestData.uniform(24, 73);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 3, 4)
                        .placeholder("dims", 2)
                        .op("shape", "Cast", List.of("dims"), TfAttr.type("DstT", "DT_INT32"))
                        .op(
                                "r",
                                "Reshape",
                                List.of("x", "shape"),
                                TfAttr.type("Tshape", "DT_INT32"))
                        .output("r");

        Map<String, OrtRunner.Output> out =
                OrtRunner.run(
                        convert(model, dir),
                        new OrtRunner.Input("x", new long[] {2, 3, 4}, x),
                        new OrtRunner.Input("dims", new long[] {2}, new float[] {8, 3}));

        assertArrayEquals(new long[] {8, 3}, out.get("r").shape());
        assertClose(x, out.get("r").values());
    }

    @Test
    void reshapeToAZeroDimensionIsRejected() throws Exception {
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 3)
                        .intVector("shape", 0, 6)
                        .op("r", "Reshape", List.of("x", "shape"))
                        .output("r");

        ModelConversionException e =
                assertThrows(ModelConversionException.class, () -> convert(model, dir));
        assertTrue(e.getMessage().contains("node 'r' (op Reshape)"), e.getMessage());
        assertTrue(e.getMessage().contains("has a 0 dimension"), e.getMessage());
    }

    @Test
    void squeezeAndExpandDimsChangeOnlyTheShape() throws Exception {
        float[] x = TestData.uniform(6, 74);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 1, 3)
                        .intScalar("last", -1)
                        .op("sq", "Squeeze", List.of("x"), TfAttr.ints("squeeze_dims", 1))
                        .op("all", "Squeeze", List.of("x"))
                        .op("ex", "ExpandDims", List.of("sq", "last"))
                        .output("ex")
                        .output("all");

        Map<String, OrtRunner.Output> out =
                OrtRunner.run(
                        convert(model, dir), new OrtRunner.Input("x", new long[] {2, 1, 3}, x));

        assertArrayEquals(new long[] {2, 3, 1}, out.get("ex").shape());
        assertArrayEquals(new long[] {2, 3}, out.get("all").shape());
        assertClose(x, out.get("ex").values());
    }

    @Test
    void castToInt32TruncatesTowardZero() throws Exception {
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 4)
                        .op("i", "Cast", List.of("x"), TfAttr.type("DstT", "DT_INT32"))
                        .op("f", "Cast", List.of("i"), TfAttr.type("DstT", "DT_FLOAT"))
                        .output("f");

        OrtRunner.Output out =
                convertAndRun(
                        model, dir, "x", new long[] {4}, new float[] {-1.7f, -0.2f, 0.9f, 2.5f});

        assertClose(new float[] {-1f, 0f, 0f, 2f}, out.values());
    }
}
