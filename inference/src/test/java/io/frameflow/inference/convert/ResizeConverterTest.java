package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertMatches;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;

import io.frameflow.inference.convert.TfReference.ResizeMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResizeConverterTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({
        "ResizeBilinear, HALF_PIXEL, 10, 13",
        "ResizeBilinear, HALF_PIXEL, 3, 2",
        "ResizeBilinear, ALIGN_CORNERS, 9, 11",
        "ResizeBilinear, ASYMMETRIC, 10, 7",
        "ResizeNearestNeighbor, HALF_PIXEL, 11, 9",
        "ResizeNearestNeighbor, HALF_PIXEL, 3, 2",
        // 6 → 3 puts TF's source coordinates exactly on integers
        "ResizeNearestNeighbor, HALF_PIXEL, 5, 3",
        "ResizeNearestNeighbor, ALIGN_CORNERS, 9, 13",
        "ResizeNearestNeighbor, ASYMMETRIC, 10, 3"
    })
    void resizeMatchesTf(String op, ResizeMode mode, int outH, int outW) throws Exception {
        Nhwc x = Nhwc.random(2, 5, 6, 3, 41);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .intVector("size", outH, outW)
                        .op(
                                "resize",
                                op,
                                List.of("x", "size"),
                                TfAttr.b("half_pixel_centers", mode == ResizeMode.HALF_PIXEL),
                                TfAttr.b("align_corners", mode == ResizeMode.ALIGN_CORNERS))
                        .output("resize");

        Nhwc expected =
                op.equals("ResizeBilinear")
                        ? TfReference.resizeBilinear(x, outH, outW, mode)
                        : TfReference.resizeNearest(x, outH, outW, mode);
        assertMatches(expected, convertAndRun(model, dir, x));
    }
}
