package io.frameflow.inference.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameflowCacheTest {

    @Test
    void explicitVariableWinsOverXdgAndHome() {
        Map<String, String> env =
                Map.of("FRAMEFLOW_CACHE", "/data/ff-cache", "XDG_CACHE_HOME", "/xdg");

        assertThat(FrameflowCache.resolveRoot(env, "/home/ana"))
                .isEqualTo(Path.of("/data/ff-cache"));
    }

    @Test
    void xdgCacheHomeIsUsedWhenSet() {
        assertThat(FrameflowCache.resolveRoot(Map.of("XDG_CACHE_HOME", "/xdg"), "/home/ana"))
                .isEqualTo(Path.of("/xdg/frameflow"));
    }

    @Test
    void relativeXdgCacheHomeIsIgnoredAsTheXdgSpecRequires() {
        assertThat(FrameflowCache.resolveRoot(Map.of("XDG_CACHE_HOME", "rel"), "/home/ana"))
                .isEqualTo(Path.of("/home/ana/.cache/frameflow"));
    }

    @Test
    void defaultsToDotCacheInHome() {
        assertThat(FrameflowCache.resolveRoot(Map.of("FRAMEFLOW_CACHE", " "), "/home/ana"))
                .isEqualTo(Path.of("/home/ana/.cache/frameflow"));
    }

    @Test
    void keepsLocksApartFromEntries() {
        FrameflowCache cache = FrameflowCache.at(Path.of("/c"));
        Path entry = cache.modelDirectory("nanodet-coco", "3.0.4");

        assertThat(entry).isEqualTo(Path.of("/c/models/nanodet-coco/3.0.4"));
        assertThat(cache.lockFile(entry))
                .isEqualTo(Path.of("/c/locks/models+nanodet-coco+3.0.4.lock"));
    }
}
