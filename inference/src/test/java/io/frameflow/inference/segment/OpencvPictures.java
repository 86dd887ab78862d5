package io.frameflow.inference.segment;

import io.frameflow.inference.fetch.AssetFetcher;
import io.frameflow.inference.fetch.AssetFile;
import io.frameflow.inference.fetch.AssetSpec;
import io.frameflow.inference.fetch.DebianPackage;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;

/**
 * Still pictures from Debian's {@code opencv-doc} package (OpenCV's sample data), pinned by file
 * digest: {@code messi5.jpg} (548x342, a football match with several players) and {@code
 * imageTextN.png} (a page of printed text).
 */
final class OpencvPictures {
    private static final String DATA = "usr/share/doc/opencv-doc/examples/data/";

    static final AssetSpec PICTURES =
            AssetSpec.of(
                    DebianPackage.of("opencv-doc"),
                    AssetFile.of(
                            DATA + "messi5.jpg",
                            "1d570e49654e84c7a943918537bd9e5e1ef82920152e147c834006e235be97c9"),
                    AssetFile.of(
                            DATA + "imageTextN.png",
                            "78e5141dea1ad97e7d3d903de47fe95e9031e8f559bf14179f7e1e539cb1f94f"));

    private OpencvPictures() {}

    static FetchedAsset fetch(FrameflowCache cache) {
        return new AssetFetcher().fetch(PICTURES, cache, ProgressListener.NONE);
    }
}
