package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertMatches;
import static io.frameflow.inference.convert.ConversionHarness.convertAndRun;

import io.frameflow.inference.convert.TfReference.Axis;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolConverterTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource({
        "MaxPool, VALID, 3, 2",
        "MaxPool, SAME, 3, 2",
        "AvgPool, VALID, 2, 2",
        // SAME average pooling must leave the padded cells out of the count, as TF does
        "AvgPool, SAME, 3, 2",
        "AvgPool, SAME, 3, 1"
    })
    void poolingMatchesTf(String op, String padding, int kernel, int stride) throws Exception {
        Nhwc x = Nhwc.random(1, 7, 8, 3, 21);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", x.shape())
                        .op(
                                "pool",
                                op,
                                List.of("x"),
                                TfAttr.s("padding", padding),
                                TfAttr.s("data_format", "NHWC"),
                                TfAttr.ints("ksize", 1, kernel, kernel, 1),
                                TfAttr.ints("strides", 1, stride, stride, 1))
                        .output("pool");

        boolean same = padding.equals("SAME");
        Axis ay = same ? Axis.same(7, kernel, stride, 1) : Axis.valid(7, kernel, stride, 1);
        Axis ax = same ? Axis.same(8, kernel, stride, 1) : Axis.valid(8, kernel, stride, 1);
        Nhwc expected = TfReference.pool(x, op.equals("MaxPool"), ay, ax);
        assertMatches(expected, convertAndRun(model, dir, x));
    }
}
