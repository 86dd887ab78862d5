package io.frameflow.inference.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.runtime.Precision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine cache is plain file code, so it is tested with stand-in engine bytes: what matters is
 * which entry a key finds, when the build runs, and that nothing but an exact match is returned.
 */
class EngineCacheTest {
    @TempDir Path root;
    private EngineCache cache;
    private final AtomicInteger builds = new AtomicInteger();

    @BeforeEach
    void createCache() {
        cache = new EngineCache(FrameflowCache.at(root));
    }

    private EngineCache.EngineBuild fakeBuild(String content) {
        return () -> {
            builds.incrementAndGet();
            return content.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String text(CachedEngine engine) {
        return new String(engine.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void buildsOnceAndReusesTheStoredEngine() {
        EngineCacheKey key = EngineCacheKeyTest.key();
        CachedEngine first = cache.getOrBuild("m@1", key, fakeBuild("engine one"));
        CachedEngine second = cache.getOrBuild("m@1", key, fakeBuild("never built"));
        assertThat(first.built()).isTrue();
        assertThat(second.built()).isFalse();
        assertThat(text(second)).isEqualTo("engine one");
        assertThat(builds).hasValue(1);
        assertThat(first.directory())
                .isEqualTo(root.resolve("engines").resolve(key.fileName()))
                .isEqualTo(second.directory());
        assertThat(first.directory().resolve(EngineCache.ENGINE_FILE)).hasContent("engine one");
        assertThat(first.directory().resolve(EngineCache.SIDECAR_FILE))
                .content()
                .contains(
                        "\"gpuName\" : \"NVIDIA H200\"",
                        "\"precision\" : \"fp16\"",
                        "\"modelId\" : \"m@1\"");
    }

    @Test
    void aChangedKeyGetsItsOwnEntry() {
        EngineCacheKey fp16 = EngineCacheKeyTest.key();
        EngineCacheKey fp32 =
                new EngineCacheKey(
                        fp16.modelSha256(),
                        fp16.tensorRtVersion(),
                        fp16.gpuName(),
                        fp16.computeCapability(),
                        Precision.FP32,
                        fp16.input(),
                        fp16.minShape(),
                        fp16.optShape(),
                        fp16.maxShape());
        cache.getOrBuild("m@1", fp16, fakeBuild("fp16 engine"));
        CachedEngine other = cache.getOrBuild("m@1", fp32, fakeBuild("fp32 engine"));
        assertThat(other.built()).isTrue();
        assertThat(builds).hasValue(2);
        assertThat(text(cache.getOrBuild("m@1", fp16, fakeBuild("x")))).isEqualTo("fp16 engine");
        assertThat(text(cache.getOrBuild("m@1", fp32, fakeBuild("x")))).isEqualTo("fp32 engine");
        assertThat(cache.directory(fp16)).isNotEqualTo(cache.directory(fp32));
    }

    @Test
    void anEntryWhoseSidecarRecordsAnotherKeyIsNeverLoaded() throws IOException {
        EngineCacheKey l4 =
                EngineCacheKey.of(
                        "a".repeat(64),
                        new TrtPlatform("10.15.1", 0, "NVIDIA L4", 8, 9),
                        Precision.FP16,
                        "x",
                        new long[] {1, 3, 64, 64},
                        new long[] {8, 3, 64, 64},
                        new long[] {8, 3, 64, 64});
        EngineCacheKey h200 = EngineCacheKeyTest.key();
        cache.getOrBuild("m@1", l4, fakeBuild("engine for the L4"));
        // An entry copied (or a hash collision) under the H200 key's name: its file name matches,
        // its sidecar does not.
        copyTree(cache.directory(l4), cache.directory(h200));

        assertThat(cache.find(h200)).isEmpty();
        CachedEngine rebuilt = cache.getOrBuild("m@1", h200, fakeBuild("engine for the H200"));
        assertThat(rebuilt.built()).isTrue();
        assertThat(text(rebuilt)).isEqualTo("engine for the H200");
        assertThat(cache.find(h200)).isPresent();
        assertThat(text(cache.getOrBuild("m@1", l4, fakeBuild("x"))))
                .isEqualTo("engine for the L4");
    }

    @Test
    void anEditedSidecarIsRefusedAndRebuilt() throws IOException {
        EngineCacheKey key = EngineCacheKeyTest.key();
        cache.getOrBuild("m@1", key, fakeBuild("original"));
        Path sidecar = cache.directory(key).resolve(EngineCache.SIDECAR_FILE);
        Files.writeString(sidecar, Files.readString(sidecar).replace("\"10.15.1\"", "\"10.14.0\""));

        assertThat(cache.find(key)).isEmpty();
        assertThat(text(cache.getOrBuild("m@1", key, fakeBuild("rebuilt")))).isEqualTo("rebuilt");
        assertThat(builds).hasValue(2);
    }

    @Test
    void aDamagedEngineFileIsRefusedAndRebuilt() throws IOException {
        EngineCacheKey key = EngineCacheKeyTest.key();
        cache.getOrBuild("m@1", key, fakeBuild("engine bytes"));
        Path engine = cache.directory(key).resolve(EngineCache.ENGINE_FILE);
        Files.writeString(engine, "engine bytez"); // same length, other digest
        assertThat(cache.find(key)).isEmpty();
        Files.writeString(engine, "engine"); // truncated
        assertThat(cache.find(key)).isEmpty();
        Files.writeString(cache.directory(key).resolve(EngineCache.SIDECAR_FILE), "{ not json");
        assertThat(cache.find(key)).isEmpty();

        CachedEngine rebuilt = cache.getOrBuild("m@1", key, fakeBuild("engine bytes"));
        assertThat(rebuilt.built()).isTrue();
        assertThat(cache.find(key)).isPresent();
    }

    @Test
    void aFailedBuildLeavesNoEntry() {
        EngineCacheKey key = EngineCacheKeyTest.key();
        assertThatThrownBy(
                        () ->
                                cache.getOrBuild(
                                        "m@1",
                                        key,
                                        () -> {
                                            throw new InferenceException("model m@1: parse error");
                                        }))
                .isInstanceOf(InferenceException.class)
                .hasMessage("model m@1: parse error");
        assertThat(cache.directory(key)).doesNotExist();
        assertThat(root.resolve("engines")).isEmptyDirectory();
    }

    @Test
    void enginesOfACachedModelGoToThatCache() throws IOException {
        Path model = root.resolve("models/selfie-seg/3.0.4/model.onnx");
        Files.createDirectories(model.getParent());
        EngineCache forModel = EngineCache.forModel(model);
        assertThat(forModel.directory(EngineCacheKeyTest.key()))
                .isEqualTo(root.resolve("engines").resolve(EngineCacheKeyTest.key().fileName()));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        assertThat(List.of(to.toFile().list())).hasSize(2);
    }
}
