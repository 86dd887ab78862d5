package io.frameflow.inference.detect;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.spec.ColorOrder;
import io.frameflow.inference.spec.InputSpec;
import io.frameflow.inference.spec.TensorLayout;
import java.nio.FloatBuffer;

/**
 * Turns a BGR24 picture into a model's input tensor: resized with bilinear interpolation (stretched
 * to the input size, or letterboxed: aspect ratio kept, centred, black around it), channels in the
 * model's order, normalised ({@code p * scale - mean) / std}) and laid out as NCHW or NHWC. Runs
 * once per frame, so it works from precomputed tables into a scratch array that is reused, and
 * copies that to the tensor in one bulk put. The detection and segmentation translators share it.
 */
public final class ImageTensorWriter {
    private final int width;
    private final int height;
    private final InputSpec input;
    private final TensorLayout layout;
    private final BilinearResizer resizer = new BilinearResizer();
    private PictureFit fit;

    /** Which BGR byte feeds tensor channel c. */
    private final int[] sourceChannel = new int[3];

    private final float[] multiply = new float[3];
    private final float[] add = new float[3];
    private final float[] scratch;

    /** A writer for pictures of any size into the input that {@code input} describes. */
    public ImageTensorWriter(InputSpec input) {
        this.width = input.width();
        this.height = input.height();
        this.input = input;
        this.layout = input.layout();
        for (int c = 0; c < 3; c++) {
            sourceChannel[c] = input.color() == ColorOrder.RGB ? 2 - c : c;
            double std = input.std().get(c);
            multiply[c] = (float) (input.scale() / std);
            add[c] = (float) (-input.mean().get(c) / std);
        }
        this.scratch = new float[3 * width * height];
    }

    /** Number of floats written per picture. */
    public int elementCount() {
        return scratch.length;
    }

    /** Writes one picture into {@code target} (indices 0 to {@link #elementCount()} - 1). */
    public void write(BgrImage image, FloatBuffer target) {
        PictureFit next = PictureFit.of(input, image.width(), image.height());
        if (!next.equals(fit)) {
            fit = next;
            resizer.prepare(image.width(), image.height(), fit.width(), fit.height());
            // The padding stays as it is until the fit changes: frames only overwrite the picture.
            fillWithBlack();
        }
        if (layout == TensorLayout.NCHW) {
            resizePlanar(image.bgr());
        } else {
            resizeInterleaved(image.bgr());
        }
        target.put(0, scratch);
    }

    /** Pixel value 0 in every channel, normalised. */
    private void fillWithBlack() {
        int plane = width * height;
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                int at = layout == TensorLayout.NCHW ? c * plane + i : 3 * i + c;
                scratch[at] = add[c];
            }
        }
    }

    private void resizePlanar(byte[] src) {
        int plane = width * height;
        int s0 = sourceChannel[0];
        int s1 = sourceChannel[1];
        int s2 = sourceChannel[2];
        for (int y = 0; y < fit.height(); y++) {
            int upper = resizer.upper[y];
            int lower = resizer.lower[y];
            float wy = resizer.lowerWeight[y];
            int row = (y + fit.offsetY()) * width + fit.offsetX();
            for (int x = 0; x < fit.width(); x++) {
                int a = upper + resizer.left[x];
                int b = upper + resizer.right[x];
                int c = lower + resizer.left[x];
                int d = lower + resizer.right[x];
                float wx = resizer.rightWeight[x];
                int out = row + x;
                scratch[out] =
                        sample(src, a + s0, b + s0, c + s0, d + s0, wx, wy) * multiply[0] + add[0];
                scratch[plane + out] =
                        sample(src, a + s1, b + s1, c + s1, d + s1, wx, wy) * multiply[1] + add[1];
                scratch[2 * plane + out] =
                        sample(src, a + s2, b + s2, c + s2, d + s2, wx, wy) * multiply[2] + add[2];
            }
        }
    }

    private void resizeInterleaved(byte[] src) {
        for (int y = 0; y < fit.height(); y++) {
            int upper = resizer.upper[y];
            int lower = resizer.lower[y];
            float wy = resizer.lowerWeight[y];
            int row = (y + fit.offsetY()) * width + fit.offsetX();
            for (int x = 0; x < fit.width(); x++) {
                int a = upper + resizer.left[x];
                int b = upper + resizer.right[x];
                int c = lower + resizer.left[x];
                int d = lower + resizer.right[x];
                float wx = resizer.rightWeight[x];
                int out = (row + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    int s = sourceChannel[ch];
                    scratch[out + ch] =
                            sample(src, a + s, b + s, c + s, d + s, wx, wy) * multiply[ch]
                                    + add[ch];
                }
            }
        }
    }

    /** Interpolates between four bytes: a (upper left), b (upper right), c, d (lower row). */
    private static float sample(byte[] src, int a, int b, int c, int d, float wx, float wy) {
        float pa = src[a] & 0xFF;
        float pc = src[c] & 0xFF;
        float top = pa + ((src[b] & 0xFF) - pa) * wx;
        float bottom = pc + ((src[d] & 0xFF) - pc) * wx;
        return top + (bottom - top) * wy;
    }
}
