package io.frameflow.inference.fetch;

/** A package in a registry, fetched with that registry's own client. */
public sealed interface PackageSource permits NpmPackage, DebianPackage, MavenArtifact {

    /** Names the package in messages, e.g. {@code npm package is-number@7.0.0}. */
    String describe();

    /** A file-name-safe, unique key for the cache, e.g. {@code npm/is-number@7.0.0}. */
    String cacheKey();
}
