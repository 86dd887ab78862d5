package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static io.frameflow.inference.convert.ConversionHarness.convert;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PadConverterTest {
    @TempDir Path dir;

    private static final float[] X = {1, 2, 3, 4, 5, 6};

    private TfjsModelFixture padModel(String op, long[] paddings) {
        return new TfjsModelFixture()
                .placeholder("x", 2, 3)
                .intConst("paddings", new long[] {2, 2}, paddings, "DT_INT32");
    }

    @Test
    void padFillsWithZerosBeforeAndAfterEachAxis() throws Exception {
        TfjsModelFixture model =
                padModel("Pad", new long[] {1, 0, 0, 2})
                        .op("p", "Pad", List.of("x", "paddings"))
                        .output("p");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {2, 3}, X);

        assertArrayEquals(new long[] {3, 5}, out.shape());
        assertClose(new float[] {0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 4, 5, 6, 0, 0}, out.values());
    }

    @Test
    void padV2FillsWithItsConstantValue() throws Exception {
        TfjsModelFixture model =
                padModel("PadV2", new long[] {0, 1, 1, 0})
                        .floatConst("fill", new long[0], new float[] {-0.5f})
                        .op("p", "PadV2", List.of("x", "paddings", "fill"))
                        .output("p");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {2, 3}, X);

        assertClose(
                new float[] {-0.5f, 1, 2, 3, -0.5f, 4, 5, 6, -0.5f, -0.5f, -0.5f, -0.5f},
                out.values());
    }

    @Test
    void mirrorPadReflectsWithoutRepeatingTheEdge() throws Exception {
        TfjsModelFixture model =
                padModel("MirrorPad", new long[] {0, 0, 2, 1})
                        .op("p", "MirrorPad", List.of("x", "paddings"), TfAttr.s("mode", "REFLECT"))
                        .output("p");

        OrtRunner.Output out = convertAndRun(model, dir, "x", new long[] {2, 3}, X);

        assertClose(new float[] {3, 2, 1, 2, 3, 2, 6, 5, 4, 5, 6, 5}, out.values());
    }

    @Test
    void symmetricMirrorPadIsRejected() throws Exception {
        TfjsModelFixture model =
                padModel("MirrorPad", new long[] {0, 0, 1, 1})
                        .op(
                                "p",
                                "MirrorPad",
                                List.of("x", "paddings"),
                                TfAttr.s("mode", "SYMMETRIC"))
                        .output("p");

        ModelConversionException e =
                assertThrows(ModelConversionException.class, () -> convert(model, dir));
        assertTrue(e.getMessage().contains("node 'p' (op MirrorPad)"), e.getMessage());
        assertTrue(e.getMessage().contains("mode 'SYMMETRIC' is not supported"), e.getMessage());
    }
}
