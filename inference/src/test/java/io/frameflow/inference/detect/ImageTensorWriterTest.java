package io.frameflow.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.spec.ColorOrder;
import io.frameflow.inference.spec.InputSpec;
import io.frameflow.inference.spec.ResizeMode;
import io.frameflow.inference.spec.TensorLayout;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageTensorWriterTest {

    private static InputSpec input(int w, int h, TensorLayout layout, ColorOrder color) {
        return new InputSpec(
                "x",
                layout,
                w,
                h,
                ResizeMode.STRETCH,
                color,
                1.0,
                List.of(0.0, 0.0, 0.0),
                List.of(1.0, 1.0, 1.0));
    }

    private static float[] write(InputSpec spec, BgrImage image) {
        ImageTensorWriter writer = new ImageTensorWriter(spec);
        FloatBuffer target = FloatBuffer.allocate(writer.elementCount());
        writer.write(image, target);
        return target.array();
    }

    /** A grey picture (all three channels equal) from one row of values. */
    private static BgrImage greyRow(int... values) {
        byte[] bgr = new byte[values.length * 3];
        for (int i = 0; i < values.length; i++) {
            bgr[3 * i] = bgr[3 * i + 1] = bgr[3 * i + 2] = (byte) values[i];
        }
        return new BgrImage(values.length, 1, bgr);
    }

    @Test
    void upscalingInterpolatesBetweenHalfPixelCentres() {
        // 2 -> 4 columns: destination centres map to source x = -0.25, 0.25, 0.75, 1.25; the
        // outer two clamp to the edge pixels, the inner two are 1/4 and 3/4 of the way.
        float[] out = write(input(4, 1, TensorLayout.NCHW, ColorOrder.RGB), greyRow(0, 100));

        assertThat(java.util.Arrays.copyOf(out, 4)).containsExactly(0f, 25f, 75f, 100f);
    }

    @Test
    void downscalingByTwoAveragesPairs() {
        // 4 -> 2 columns: source x = 0.5 and 2.5, the midpoints of the pairs.
        float[] out =
                write(input(2, 1, TensorLayout.NCHW, ColorOrder.RGB), greyRow(10, 20, 200, 100));

        assertThat(java.util.Arrays.copyOf(out, 2)).containsExactly(15f, 150f);
    }

    @Test
    void theSameSizeIsCopiedExactly() {
        BgrImage image = randomImage(new Random(7), 5, 3);
        float[] out = write(input(5, 3, TensorLayout.NHWC, ColorOrder.BGR), image);

        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).isEqualTo(image.bgr()[i] & 0xFF);
        }
    }

    @Test
    void letterboxKeepsTheAspectRatioAndPadsWithNormalisedBlack() {
        // A 4x2 picture into a 4x4 NHWC input: the picture fills rows 1 and 2 unscaled; rows 0
        // and 3 are black, which (0 * 1 - 10) / 2 = -5 after normalisation.
        InputSpec spec =
                new InputSpec(
                        "x",
                        TensorLayout.NHWC,
                        4,
                        4,
                        ResizeMode.LETTERBOX,
                        ColorOrder.BGR,
                        1.0,
                        List.of(10.0, 10.0, 10.0),
                        List.of(2.0, 2.0, 2.0));
        BgrImage picture = randomImage(new Random(3), 4, 2);

        float[] out = write(spec, picture);

        for (int i = 0; i < 4 * 3; i++) {
            assertThat(out[i]).as("row 0, element %d", i).isEqualTo(-5f);
            assertThat(out[3 * 4 * 3 + i]).as("row 3, element %d", i).isEqualTo(-5f);
        }
        for (int i = 0; i < 2 * 4 * 3; i++) {
            float expected = ((picture.bgr()[i] & 0xFF) - 10) / 2f;
            assertThat(out[4 * 3 + i]).as("picture element %d", i).isEqualTo(expected);
        }
    }

    @Test
    void letterboxRefreshesThePaddingWhenThePictureShapeChanges() {
        InputSpec spec = input(6, 6, TensorLayout.NCHW, ColorOrder.RGB);
        InputSpec letterbox =
                new InputSpec(
                        "x",
                        spec.layout(),
                        6,
                        6,
                        ResizeMode.LETTERBOX,
                        spec.color(),
                        spec.scale(),
                        spec.mean(),
                        spec.std());
        ImageTensorWriter writer = new ImageTensorWriter(letterbox);
        FloatBuffer target = FloatBuffer.allocate(writer.elementCount());
        BgrImage white = new BgrImage(6, 3, filled(6 * 3 * 3, (byte) 255));

        writer.write(new BgrImage(6, 6, filled(6 * 6 * 3, (byte) 200)), target); // no padding
        writer.write(white, target); // 6x3: rows 0, 4 and 5 are padding

        // The 6x3 picture resized to 6x3 sits at rows 1..3 (offset (6 - 3) / 2 = 1).
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 6; y++) {
                float expected = y >= 1 && y <= 3 ? 255f : 0f;
                assertThat(target.get(c * 36 + y * 6))
                        .as("channel %d row %d", c, y)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void letterboxGeometryMapsInputPixelsBackToThePicture() {
        InputSpec spec =
                new InputSpec(
                        "x",
                        TensorLayout.NCHW,
                        320,
                        320,
                        ResizeMode.LETTERBOX,
                        ColorOrder.RGB,
                        1.0,
                        null,
                        null);

        PictureFit wide = PictureFit.of(spec, 640, 480);
        PictureFit tall = PictureFit.of(spec, 100, 400);

        assertThat(wide).isEqualTo(new PictureFit(0, 40, 320, 240, 2f, 2f));
        assertThat(wide.pictureX(160)).isEqualTo(320f);
        assertThat(wide.pictureY(40)).isEqualTo(0f);
        assertThat(tall).isEqualTo(new PictureFit(120, 0, 80, 320, 1.25f, 1.25f));
        assertThat(tall.pictureX(200)).isEqualTo(100f);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    @Test
    void ordersChannelsAndNormalisesPerTheSpec() {
        // One BGR pixel (10, 20, 30) stretched to 2x2, as RGB planes: R = 30, G = 20, B = 10.
        BgrImage pixel = new BgrImage(1, 1, new byte[] {10, 20, 30});
        InputSpec spec =
                new InputSpec(
                        "x",
                        TensorLayout.NCHW,
                        2,
                        2,
                        ResizeMode.STRETCH,
                        ColorOrder.RGB,
                        0.5,
                        List.of(1.0, 2.0, 3.0),
                        List.of(2.0, 4.0, 5.0));

        float[] out = write(spec, pixel);

        // (p * 0.5 - mean) / std: R (30 * .5 - 1) / 2 = 7, G (20 * .5 - 2) / 4 = 2, B (10 * .5 - 3)
        // / 5 = .4
        assertThat(out).hasSize(12);
        for (int i = 0; i < 4; i++) {
            assertThat(out[i]).isCloseTo(7f, within(1e-6f));
            assertThat(out[4 + i]).isCloseTo(2f, within(1e-6f));
            assertThat(out[8 + i]).isCloseTo(0.4f, within(1e-6f));
        }
    }

    @Test
    void matchesAStraightforwardReferenceOnARealisticFrame() {
        Random random = new Random(42);
        BgrImage frame = randomImage(random, 77, 58);
        InputSpec spec = input(41, 41, TensorLayout.NCHW, ColorOrder.RGB);
        ImageTensorWriter writer = new ImageTensorWriter(spec);
        FloatBuffer target = FloatBuffer.allocate(writer.elementCount());

        // Twice, with a different picture in between, to show the cached tables are refreshed.
        writer.write(frame, target);
        writer.write(randomImage(random, 30, 90), target);
        writer.write(frame, target);

        float[] expected = referenceResize(frame, 41, 41);
        for (int i = 0; i < expected.length; i++) {
            assertThat(target.get(i)).as("element %d", i).isCloseTo(expected[i], within(1e-3f));
        }
    }

    /**
     * Bilinear resize written the obvious way, one output value at a time in double precision:
     * NCHW, RGB, no normalisation.
     */
    private static float[] referenceResize(BgrImage image, int w, int h) {
        float[] out = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sx = clamp((x + 0.5) * image.width() / w - 0.5, image.width() - 1);
                    double sy = clamp((y + 0.5) * image.height() / h - 0.5, image.height() - 1);
                    int x0 = (int) Math.floor(sx);
                    int y0 = (int) Math.floor(sy);
                    int x1 = Math.min(x0 + 1, image.width() - 1);
                    int y1 = Math.min(y0 + 1, image.height() - 1);
                    double fx = sx - x0;
                    double fy = sy - y0;
                    double top = (1 - fx) * pixel(image, x0, y0, c) + fx * pixel(image, x1, y0, c);
                    double bottom =
                            (1 - fx) * pixel(image, x0, y1, c) + fx * pixel(image, x1, y1, c);
                    out[c * w * h + y * w + x] = (float) ((1 - fy) * top + fy * bottom);
                }
            }
        }
        return out;
    }

    private static double clamp(double v, int max) {
        return Math.min(Math.max(v, 0), max);
    }

    /** Channel c of the RGB value at (x, y). */
    private static int pixel(BgrImage image, int x, int y, int c) {
        return image.bgr()[(y * image.width() + x) * 3 + (2 - c)] & 0xFF;
    }

    static BgrImage randomImage(Random random, int w, int h) {
        byte[] bgr = new byte[w * h * 3];
        random.nextBytes(bgr);
        return new BgrImage(w, h, bgr);
    }
}
