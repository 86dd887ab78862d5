package io.frameflow.jobs.samples;

import io.frameflow.inference.fetch.AssetFetcher;
import io.frameflow.inference.fetch.AssetFile;
import io.frameflow.inference.fetch.AssetSpec;
import io.frameflow.inference.fetch.DebianPackage;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample videos that pipelines can name as {@code sample:NAME}: real clips from Debian's {@code
 * opencv-doc} package (OpenCV's sample data; Apache-2.0 AND BSD-3-Clause), fetched with {@code
 * apt-get download} into the FrameFlow cache on first use. The files themselves are pinned by
 * sha256 (the .deb differs between Debian and Ubuntu builds; the clips do not).
 */
public final class SampleVideos {
    /** URI scheme of sample videos in pipeline files. */
    public static final String SCHEME = "sample:";

    private static final String PACKAGE = "opencv-doc";
    private static final String DATA = "usr/share/doc/opencv-doc/examples/data/";

    /** name → sha256, in the order they are listed to users. */
    private static final Map<String, String> VIDEOS = new LinkedHashMap<>();

    static {
        // pedestrians on a campus, 768x576, 10 fps, 795 frames, msmpeg4
        VIDEOS.put("vtest.avi", "45cddc9490be69345cbdab64ca583be65987e864ca408038e648db99e10516cf");
        // film clip, 720x528, mpeg4 (XVID), 270 frames
        VIDEOS.put(
                "Megamind.avi", "0057387cb7e75c8fd1663b62cfdc51fa53f527795d0fe3c1fea2fd159d3130b5");
        // the same clip re-encoded with painted-in artefacts; a valid MPEG-4 stream
        VIDEOS.put(
                "Megamind_bugy.avi",
                "b82dd32d5444031d1a46a133e7554be7b80c54d12e3503a1b1332a540218e22c");
    }

    private SampleVideos() {}

    /** Whether {@code uri} names a sample video. */
    public static boolean isSample(String uri) {
        return uri.startsWith(SCHEME);
    }

    /** The names that {@code sample:NAME} accepts. */
    public static List<String> names() {
        return List.copyOf(VIDEOS.keySet());
    }

    /**
     * The local file of {@code sample:NAME}, fetched into {@code cache} if missing.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the known ones
     */
    public static Path resolve(String uri, FrameflowCache cache, ProgressListener listener) {
        String name = uri.substring(SCHEME.length());
        if (!VIDEOS.containsKey(name)) {
            throw new IllegalArgumentException(
                    "unknown sample video '" + name + "'; samples: " + String.join(", ", names()));
        }
        FetchedAsset asset = new AssetFetcher().fetch(asset(), cache, listener);
        return asset.file(name);
    }

    /** All sample videos as one asset: one package download serves them all. */
    static AssetSpec asset() {
        AssetFile[] files =
                VIDEOS.entrySet().stream()
                        .map(e -> AssetFile.of(DATA + e.getKey(), e.getValue()))
                        .toArray(AssetFile[]::new);
        return AssetSpec.of(DebianPackage.of(PACKAGE), files);
    }
}
