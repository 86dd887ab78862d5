package io.frameflow.inference.detect;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.fetch.AssetFetcher;
import io.frameflow.inference.fetch.AssetFile;
import io.frameflow.inference.fetch.AssetSpec;
import io.frameflow.inference.fetch.DebianPackage;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Real still pictures for detector tests and benchmarks: darknet's sample images from the Debian
 * {@code darknet} package (pinned by file digest, since the .deb differs between distributions).
 */
public final class SamplePictures {
    static final String DIR = "usr/share/darknet/data/";

    public static final AssetSpec DARKNET_PICTURES =
            AssetSpec.of(
                    DebianPackage.of("darknet"),
                    AssetFile.of(
                            DIR + "dog.jpg",
                            "5a9522051c3cec2bbd2f6323fccba32e8fbf3ddcc2b3e2fd46b04c720bc6f866"),
                    AssetFile.of(
                            DIR + "person.jpg",
                            "cdcbab947e46110fc2b77784ac54ddbbab2640f1e44cb5e91fc8984a9793a7d1"),
                    AssetFile.of(
                            DIR + "horses.jpg",
                            "c8f0a677a1356569e2ce71d2fa88c1030c0ae57ecf5e14170e02d9a86a20dcb4"),
                    AssetFile.of(
                            DIR + "coco.names",
                            "634a1132eb33f8091d60f2c346ababe8b905ae08387037aed883953b7329af84"));

    private SamplePictures() {}

    public static FetchedAsset fetch(FrameflowCache cache, ProgressListener listener) {
        return new AssetFetcher().fetch(DARKNET_PICTURES, cache, listener);
    }

    /** Reads a picture file into packed BGR24. */
    public static BgrImage read(Path file) throws IOException {
        BufferedImage decoded = ImageIO.read(file.toFile());
        if (decoded == null) {
            throw new IOException("ImageIO cannot read " + file);
        }
        return toBgr(decoded);
    }

    /** Redraws any picture as TYPE_3BYTE_BGR, whose raster is exactly packed B, G, R bytes. */
    public static BgrImage toBgr(BufferedImage picture) {
        BufferedImage bgr =
                new BufferedImage(
                        picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(picture, 0, 0, null);
        byte[] bytes = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        return new BgrImage(picture.getWidth(), picture.getHeight(), bytes);
    }
}
