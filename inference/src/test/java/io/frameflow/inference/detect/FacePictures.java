package io.frameflow.inference.detect;

import io.frameflow.inference.fetch.AssetFetcher;
import io.frameflow.inference.fetch.AssetFile;
import io.frameflow.inference.fetch.AssetSpec;
import io.frameflow.inference.fetch.DebianPackage;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;

/**
 * The two example pictures of the Debian {@code facedetect} package (GPL-2+), pinned by file
 * digest: a 512x512 portrait of Grace Hopper (one face) and a 640x427 photograph of an ice block on
 * a beach (no face).
 */
public final class FacePictures {
    static final String DIR = "usr/share/doc/facedetect/examples/";
    public static final String GRACE_HOPPER = "grace_hopper_512x512.jpg";
    public static final String NO_FACE = "640px-IceBlockNearJoekullsarlon.jpg";

    public static final AssetSpec FACEDETECT_PICTURES =
            AssetSpec.of(
                    DebianPackage.of("facedetect"),
                    AssetFile.of(
                            DIR + GRACE_HOPPER,
                            "ee9d775343587100337da3bd24f9f9daf49756132362f09ca3ac9b676c4341b3"),
                    AssetFile.of(
                            DIR + NO_FACE,
                            "593cdf845bc284b98abbca0eabb0fa45cdc0590f7cb7d7d71c4ca86a9d5077a4"));

    private FacePictures() {}

    public static FetchedAsset fetch(FrameflowCache cache, ProgressListener listener) {
        return new AssetFetcher().fetch(FACEDETECT_PICTURES, cache, listener);
    }
}
