package io.frameflow.inference.restore;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.detect.SamplePictures;
import io.frameflow.inference.fetch.AssetFetcher;
import io.frameflow.inference.fetch.AssetFile;
import io.frameflow.inference.fetch.AssetSpec;
import io.frameflow.inference.fetch.DebianPackage;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import java.io.IOException;
import java.util.Random;

/**
 * Frames for restoration tests: OpenCV's {@code baboon.jpg} (512x512, fur full of fine texture)
 * from Debian's {@code opencv-doc} package, pinned by file digest; crops of it; and copies with
 * seeded Gaussian noise.
 */
final class TestFrames {
    static final AssetSpec BABOON =
            AssetSpec.of(
                    DebianPackage.of("opencv-doc"),
                    AssetFile.of(
                            "usr/share/doc/opencv-doc/examples/data/baboon.jpg",
                            "1a1dd18d78eec44420af3b0b7f08ee3d41c982916cae3ce203d7ff35d754cc0f"));

    private TestFrames() {}

    static BgrImage baboon(FrameflowCache cache) throws IOException {
        return SamplePictures.read(
                new AssetFetcher().fetch(BABOON, cache, ProgressListener.NONE).file("baboon.jpg"));
    }

    static BgrImage crop(BgrImage image, int x0, int y0, int width, int height) {
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            System.arraycopy(
                    image.bgr(),
                    ((y0 + y) * image.width() + x0) * 3,
                    out,
                    y * width * 3,
                    width * 3);
        }
        return new BgrImage(width, height, out);
    }

    /** A copy with independent Gaussian noise of {@code sigma} (0..1 units) on every byte. */
    static BgrImage withNoise(BgrImage image, double sigma, long seed) {
        Random random = new Random(seed);
        byte[] out = image.bgr().clone();
        for (int i = 0; i < out.length; i++) {
            long value = Math.round((out[i] & 0xFF) + random.nextGaussian() * sigma * 255);
            out[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return new BgrImage(image.width(), image.height(), out);
    }

    /** A picture of smooth gradients and a few hard edges, made here: no download. */
    static BgrImage pattern(int width, int height) {
        byte[] bgr = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * 3;
                boolean square = ((x / 16) + (y / 16)) % 2 == 0;
                bgr[at] = (byte) (x * 255 / width);
                bgr[at + 1] = (byte) (y * 255 / height);
                bgr[at + 2] = (byte) (square ? 200 : 40);
            }
        }
        return new BgrImage(width, height, bgr);
    }

    /** The largest difference between two pictures' bytes. */
    static int maxDifference(BgrImage a, BgrImage b) {
        int max = 0;
        for (int i = 0; i < a.bgr().length; i++) {
            max = Math.max(max, Math.abs((a.bgr()[i] & 0xFF) - (b.bgr()[i] & 0xFF)));
        }
        return max;
    }
}
