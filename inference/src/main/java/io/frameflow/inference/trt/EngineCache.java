package io.frameflow.inference.trt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.frameflow.inference.fetch.AtomicDirectory;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialized TensorRT engines in the FrameFlow cache, under {@code engines/<key hash>/}: the engine
 * ({@code engine.plan}) and a sidecar ({@code key.json}) that records the whole {@link
 * EngineCacheKey} and the engine's sha256. An entry is used only when its sidecar's key equals the
 * wanted key and the engine file still has its recorded digest; anything else (a hash collision, a
 * copied or edited entry, a truncated file) is rebuilt, never loaded. Entries are published with
 * {@link AtomicDirectory}, so processes sharing the cache wait for one build instead of racing.
 */
public final class EngineCache {
    static final String ENGINE_FILE = "engine.plan";
    static final String SIDECAR_FILE = "key.json";
    private static final Logger LOG = LoggerFactory.getLogger(EngineCache.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the sidecar file holds. */
    record Sidecar(
            int format,
            String modelId,
            EngineCacheKey key,
            String engineSha256,
            long engineBytes) {}

    /** Builds an engine when the cache has none for a key. */
    @FunctionalInterface
    public interface EngineBuild {
        byte[] build();
    }

    private final FrameflowCache cache;

    public EngineCache(FrameflowCache cache) {
        this.cache = cache;
    }

    /**
     * The engine cache for a model file: the FrameFlow cache the file lies in (its path is {@code
     * <cache>/models/<name>/<version>/<file>}), so that engines sit beside the models they were
     * built from whatever {@code --cache} was used; else the cache this process's environment
     * selects.
     */
    public static EngineCache forModel(Path onnxFile) {
        Path versionDir = onnxFile.toAbsolutePath().normalize().getParent();
        Path modelsDir =
                versionDir == null || versionDir.getParent() == null
                        ? null
                        : versionDir.getParent().getParent();
        if (modelsDir != null
                && modelsDir.getFileName() != null
                && modelsDir.getFileName().toString().equals("models")
                && modelsDir.getParent() != null) {
            return new EngineCache(FrameflowCache.at(modelsDir.getParent()));
        }
        return new EngineCache(FrameflowCache.fromEnvironment());
    }

    /** The directory of the entry for {@code key} (which may not exist). */
    public Path directory(EngineCacheKey key) {
        return cache.root().resolve("engines").resolve(key.fileName());
    }

    /**
     * The stored engine for {@code key}, if there is an entry whose sidecar records exactly this
     * key and whose engine file has the recorded digest.
     */
    public Optional<byte[]> find(EngineCacheKey key) {
        return read(directory(key), key);
    }

    /**
     * The stored engine for {@code key}, or one that {@code build} makes now and that is stored for
     * later runs.
     *
     * @param modelId recorded in the sidecar and named in log lines
     */
    public CachedEngine getOrBuild(String modelId, EngineCacheKey key, EngineBuild build) {
        Path dir = directory(key);
        Optional<byte[]> stored = read(dir, key);
        if (stored.isPresent()) {
            return new CachedEngine(stored.get(), false, dir);
        }
        byte[][] built = {null};
        AtomicDirectory.publish(
                dir,
                cache.lockFile(dir),
                d -> read(d, key).isPresent(),
                staging -> {
                    if (Files.exists(dir)) {
                        LOG.warn(
                                "model {}: engine cache entry {} does not match its key or is"
                                        + " damaged; rebuilding it",
                                modelId,
                                dir);
                    }
                    LOG.info(
                            "model {}: building a TensorRT engine ({}, batch {}..{}); this can"
                                    + " take minutes and is cached in {}",
                            modelId,
                            key.precision().id(),
                            key.minShape().get(0),
                            key.maxShape().get(0),
                            dir);
                    byte[] engine = build.build();
                    Files.write(staging.resolve(ENGINE_FILE), engine);
                    Sidecar sidecar =
                            new Sidecar(
                                    EngineCacheKey.FORMAT,
                                    modelId,
                                    key,
                                    Sha256.of(engine),
                                    engine.length);
                    JSON.writeValue(staging.resolve(SIDECAR_FILE).toFile(), sidecar);
                    built[0] = engine;
                },
                () -> LOG.info("model {}: waiting for another build of {}", modelId, dir));
        if (built[0] != null) {
            return new CachedEngine(built[0], true, dir);
        }
        // Another thread or process published it while we waited for the lock.
        return read(dir, key)
                .map(bytes -> new CachedEngine(bytes, false, dir))
                .orElseThrow(
                        () ->
                                new UncheckedIOException(
                                        new IOException(
                                                "engine cache entry "
                                                        + dir
                                                        + " changed while it was read")));
    }

    private static Optional<byte[]> read(Path dir, EngineCacheKey key) {
        Path sidecarFile = dir.resolve(SIDECAR_FILE);
        Path engineFile = dir.resolve(ENGINE_FILE);
        if (!Files.isRegularFile(sidecarFile) || !Files.isRegularFile(engineFile)) {
            return Optional.empty();
        }
        Sidecar sidecar;
        try {
            sidecar = JSON.readValue(sidecarFile.toFile(), Sidecar.class);
        } catch (IOException e) {
            // An unreadable sidecar is a damaged entry: it is rebuilt, not an error.
            return Optional.empty();
        }
        if (sidecar.format() != EngineCacheKey.FORMAT || !key.equals(sidecar.key())) {
            return Optional.empty();
        }
        try {
            if (Files.size(engineFile) != sidecar.engineBytes()) {
                return Optional.empty();
            }
            byte[] engine = Files.readAllBytes(engineFile);
            if (!Sha256.of(engine).equals(sidecar.engineSha256())) {
                return Optional.empty();
            }
            return Optional.of(engine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read engine cache entry " + dir, e);
        }
    }
}
