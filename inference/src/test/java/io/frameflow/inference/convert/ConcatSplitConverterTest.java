package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static io.frameflow.inference.convert.ConversionHarness.convert;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcatSplitConverterTest {
    @TempDir Path dir;

    @Test
    void concatJoinsRunTimeAndConstantInputsOnANegativeAxis() throws Exception {
        float[] x = TestData.uniform(4, 81);
        float[] c = {9f, 8f};
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 2)
                        .floatConst("c", new long[] {2, 1}, c)
                        .intScalar("axis", -1)
                        .op("cat", "ConcatV2", List.of("x", "c", "x", "axis"))
                        .output("cat");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {2, 2}, x);

        assertArrayEquals(new long[] {2, 5}, out.shape());
        assertClose(
                new float[] {x[0], x[1], 9f, x[0], x[1], x[2], x[3], 8f, x[2], x[3]}, out.values());
    }

    @Test
    void splitVGivesEachPartItsOwnOutput() throws Exception {
        float[] x = TestData.uniform(2 * 5, 82);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2, 5)
                        .intVector("sizes", 1, 4)
                        .intScalar("axis", 1)
                        .op(
                                "parts",
                                "SplitV",
                                List.of("x", "sizes", "axis"),
                                TfAttr.i("num_split", 2))
                        .op("head", "Sigmoid", List.of("parts"))
                        .output("head")
                        .output("parts:1");

        Map<String, OrtRunner.Output> out =
                OrtRunner.run(convert(model, dir), new OrtRunner.Input("x", new long[] {2, 5}, x));

        float[] head = {(float) (1 / (1 + Math.exp(-x[0]))), (float) (1 / (1 + Math.exp(-x[5])))};
        assertClose(head, out.get("head").values());
        assertArrayEquals(new long[] {2, 4}, out.get("parts:1").shape());
        assertClose(
                new float[] {x[1], x[2], x[3], x[4], x[6], x[7], x[8], x[9]},
                out.get("parts:1").values());
    }

    @Test
    void splitCutsEqualParts() throws Exception {
        float[] x = TestData.uniform(6, 83);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 6)
                        .intScalar("axis", 0)
                        .op("parts", "Split", List.of("axis", "x"), TfAttr.i("num_split", 3))
                        .output("parts:2");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {6}, x);

        assertEquals(2, out.values().length);
        assertClose(new float[] {x[4], x[5]}, out.values());
    }

    @Test
    void splitVWithAnInferredSizeIsRejected() throws Exception {
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 6)
                        .intVector("sizes", 2, -1)
                        .intScalar("axis", 0)
                        .op(
                                "parts",
                                "SplitV",
                                List.of("x", "sizes", "axis"),
                                TfAttr.i("num_split", 2))
                        .output("parts:1");

        ModelConversionException e =
                assertThrows(ModelConversionException.class, () -> convert(model, dir));
        assertTrue(e.getMessage().contains("node 'parts' (op SplitV)"), e.getMessage());
        assertTrue(e.getMessage().contains("inferred (-1) size"), e.getMessage());
    }
}
