package io.frameflow.inference.convert;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The float input fed to both models by {@link OnnxOutputComparator}: seeded uniform noise in [0,
 * 1), or a picture stretched to the input size as RGB/255 in the input's layout (NCHW when
 * dimension 1 is 3, NHWC when dimension 3 is 3).
 *
 * @param description one line saying where the values came from
 */
record ComparisonInput(long[] shape, float[] values, String description) {

    static ComparisonInput random(long[] shape, long seed) {
        Random random = new Random(seed);
        float[] values = new float[ConstTensor.elementCount(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return new ComparisonInput(
                shape, values, "uniform random values in [0, 1) from seed " + seed);
    }

    static ComparisonInput image(long[] shape, Path file) throws IOException {
        if (shape.length != 4 || shape[0] != 1 || (shape[1] != 3 && shape[3] != 3)) {
            throw new IllegalArgumentException(
                    "an image can only feed an input of shape [1, 3, H, W] or [1, H, W, 3], not "
                            + Arrays.toString(shape));
        }
        boolean nchw = shape[1] == 3;
        int height = (int) (nchw ? shape[2] : shape[1]);
        int width = (int) (nchw ? shape[3] : shape[2]);
        BufferedImage picture = ImageIO.read(file.toFile());
        if (picture == null) {
            throw new IllegalArgumentException(file + " is not an image format ImageIO can read");
        }
        float[] values = rgbOver255(stretch(picture, width, height), nchw);
        return new ComparisonInput(
                shape,
                values,
                file.getFileName()
                        + " ("
                        + picture.getWidth()
                        + "x"
                        + picture.getHeight()
                        + ") stretched to "
                        + width
                        + "x"
                        + height
                        + ", RGB/255, "
                        + (nchw ? "NCHW" : "NHWC"));
    }

    private static BufferedImage stretch(BufferedImage picture, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(picture, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static float[] rgbOver255(BufferedImage image, boolean nchw) {
        int width = image.getWidth();
        int plane = width * image.getHeight();
        float[] values = new float[3 * plane];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int pixel = y * width + x;
                for (int c = 0; c < 3; c++) {
                    float value = ((rgb >> (16 - 8 * c)) & 0xff) / 255f;
                    values[nchw ? c * plane + pixel : 3 * pixel + c] = value;
                }
            }
        }
        return values;
    }
}
