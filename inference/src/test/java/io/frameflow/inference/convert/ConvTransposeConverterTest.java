package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertMatches;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;

import io.frameflow.inference.convert.TfReference.Axis;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvTransposeConverterTest {
    @TempDir Path dir;

    /**
     * Output sizes are chosen so that some cases need ONNX output_padding (e.g. VALID 3x3 stride 2
     * to 8: the forward conv of 8 gives 3, and 3 maps back to only 7 without it).
     */
    @ParameterizedTest
    @CsvSource({
        "SAME, 2, 2, 8, 8",
        "SAME, 3, 2, 7, 8",
        "SAME, 4, 2, 8, 6",
        "SAME, 1, 2, 8, 7",
        "VALID, 3, 2, 7, 9",
        "VALID, 3, 2, 8, 8",
        "VALID, 2, 1, 5, 6"
    })
    void transposedConvolutionMatchesTf(String padding, int kernel, int stride, int outH, int outW)
            throws Exception {
        Axis ay = axis(padding, outH, kernel, stride);
        Axis ax = axis(padding, outW, kernel, stride);
        Nhwc x = Nhwc.random(1, ay.outSize(), ax.outSize(), 3, 31);
        int outChannels = 2;
        float[] filter = TestData.uniform(kernel * kernel * outChannels * 3, 32);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .intVector("sizes", 1, outH, outW, outChannels)
                        .floatConst("w", new long[] {kernel, kernel, outChannels, 3}, filter)
                        .op(
                                "deconv",
                                "Conv2DBackpropInput",
                                List.of("sizes", "w", "x"),
                                TfAttr.s("padding", padding),
                                TfAttr.ints("strides", 1, stride, stride, 1))
                        .output("deconv");

        Nhwc expected = TfReference.conv2dTranspose(x, filter, outChannels, outH, outW, ay, ax);
        assertMatches(expected, convertAndRun(model, dir, x));
    }

    /** The forward convolution over the TF output size, whose window positions scatter back. */
    private static Axis axis(String padding, int size, int kernel, int stride) {
        return padding.equals("SAME")
                ? Axis.same(size, kernel, stride, 1)
                : Axis.valid(size, kernel, stride, 1);
    }
}
