package io.frameflow.inference.trt;

import java.nio.file.Path;

/**
 * A serialized engine taken from, or just added to, the engine cache.
 *
 * @param bytes the serialized engine
 * @param built whether it was built by this call (false: an earlier build was reused)
 * @param directory the cache entry
 */
public record CachedEngine(byte[] bytes, boolean built, Path directory) {}
