package io.frameflow.inference.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frameflow.inference.convert.OnnxComparisonReport.OutputDifference;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxOutputComparatorTest {
    @TempDir Path dir;

    /** Converts a model computing {@code op(x, c)} for a constant c of the given shape. */
    private Path model(String name, long[] inputShape, String op, long[] cShape, float c)
            throws Exception {
        float[] values = new float[ConstTensor.elementCount(cShape)];
        java.util.Arrays.fill(values, c);
        TfjsModelFixture fixture =
                new TfjsModelFixture()
                        .placeholder("input_1", inputShape)
                        .floatConst("c", cShape, values)
                        .op("y", op, List.of("input_1", "c"))
                        .op("z", "Neg", List.of("input_1"))
                        .output("y")
                        .output("z");
        Path out = dir.resolve(name + ".onnx");
        new TfjsGraphConverter().convert(fixture.write(dir.resolve(name)), out);
        return out;
    }

    private static final long[] NCHW = {1, 3, 4, 5};

    @Test
    void identicalModelsDifferByNothing() throws Exception {
        Path a = model("a", NCHW, "Mul", new long[] {1}, 2f);
        Path b = model("b", NCHW, "Mul", new long[] {1}, 2f);

        OnnxComparisonReport report =
                new OnnxOutputComparator(1, 3, 7).compare(a, b, Optional.empty());

        assertTrue(report.shapesMatch());
        assertEquals(
                List.of("y", "z"), report.outputs().stream().map(OutputDifference::name).toList());
        assertEquals(0.0, report.outputs().get(0).maxAbsDifference());
        assertEquals(List.of(1L, 3L, 4L, 5L), report.outputs().get(0).shapeA());
        assertEquals(3, report.runs());
        assertTrue(report.medianMillisA() > 0 && report.medianMillisB() > 0);
    }

    @Test
    void dynamicHeightAndWidthNeedASize() throws Exception {
        long[] dynamic = {1, 3, -1, -1};
        Path a = model("a", dynamic, "Mul", new long[] {1}, 2f);
        Path b = model("b", dynamic, "Mul", new long[] {1}, 2f);

        IllegalArgumentException refused =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new OnnxOutputComparator(1, 1, 7).compare(a, b, Optional.empty()));
        assertTrue(refused.getMessage().endsWith("; give it a size with --size"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int status =
                OnnxOutputComparator.run(
                        List.of("--size", "6", "--runs", "1", a.toString(), b.toString()),
                        new PrintStream(text, true, StandardCharsets.UTF_8));

        assertEquals(0, status);
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("[1, 3, 6, 6] max|Δ| 0"));
    }

    @Test
    void reportsTheLargestDifference() throws Exception {
        Path a = model("a", NCHW, "Add", new long[] {1}, 0f);
        Path b = model("b", NCHW, "Add", new long[] {1}, 0.5f);

        OnnxComparisonReport report =
                new OnnxOutputComparator(1, 1, 7).compare(a, b, Optional.empty());

        assertEquals(0.5, report.outputs().get(0).maxAbsDifference(), 1e-6);
        assertEquals(0.0, report.outputs().get(1).maxAbsDifference());
        assertEquals(report.nodesA(), report.nodesB());
    }

    @Test
    void differentShapesMakeANonZeroStatus() throws Exception {
        Path a = model("a", NCHW, "Add", new long[] {1}, 0f);
        // broadcasting against [2, 1, 1, 1] doubles the batch of y
        Path b = model("b", NCHW, "Add", new long[] {2, 1, 1, 1}, 0f);
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        int status =
                OnnxOutputComparator.run(
                        List.of("--runs", "1", a.toString(), b.toString()),
                        new PrintStream(text, true, StandardCharsets.UTF_8));

        String printed = text.toString(StandardCharsets.UTF_8);
        assertEquals(1, status);
        assertTrue(printed.contains("y A [1, 3, 4, 5] vs B [2, 3, 4, 5] max|Δ| NaN"), printed);
        assertTrue(printed.contains("z [1, 3, 4, 5] max|Δ| 0" + System.lineSeparator()), printed);
        assertTrue(printed.contains("nodes: A "), printed);
    }

    /**
     * A one-colour picture stays one colour when stretched, so A = x and B = x·0 differ by the
     * largest channel value, 255/255, in either layout.
     */
    @Test
    void feedsAPictureAsRgbOverTwoFiftyFive() throws Exception {
        BufferedImage picture = new BufferedImage(7, 3, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 7; x++) {
                picture.setRGB(x, y, 0x00ff8000);
            }
        }
        Path png = dir.resolve("orange.png");
        ImageIO.write(picture, "png", png.toFile());
        for (long[] shape : List.of(NCHW, new long[] {1, 4, 5, 3})) {
            String tag = shape[1] == 3 ? "nchw" : "nhwc";
            Path a = model(tag + "-a", shape, "Mul", new long[] {1}, 1f);
            Path b = model(tag + "-b", shape, "Mul", new long[] {1}, 0f);

            OnnxComparisonReport report =
                    new OnnxOutputComparator(1, 1, 7).compare(a, b, Optional.of(png));

            assertEquals(1.0, report.outputs().get(0).maxAbsDifference(), 1e-6, tag);
            assertTrue(
                    report.input().contains("orange.png (7x3) stretched to 5x4"), report.input());
        }
    }

    @Test
    void malformedArgumentsAreExplained() {
        IllegalArgumentException few =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> OnnxOutputComparator.run(List.of("a.onnx"), System.out));
        assertTrue(
                few.getMessage().contains("expected 2 or 3 paths, got 1; usage:"),
                few.getMessage());
        IllegalArgumentException threads =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                OnnxOutputComparator.run(
                                        List.of("--threads", "two", "a", "b"), System.out));
        assertTrue(threads.getMessage().contains("--threads must be an integer, got 'two'"));
        IllegalArgumentException option =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                OnnxOutputComparator.run(
                                        List.of("--fast", "1", "a", "b"), System.out));
        assertFalse(option.getMessage().isEmpty());
        assertTrue(option.getMessage().contains("unknown option --fast"));
    }
}
