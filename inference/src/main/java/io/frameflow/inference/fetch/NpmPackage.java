package io.frameflow.inference.fetch;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An npm package, pinned by version and by the sha256 of the tarball {@code npm pack} writes: npm
 * content is immutable per version, so the digest never goes stale.
 */
public record NpmPackage(String name, String version, String sha256) implements PackageSource {
    private static final Pattern NAME = Pattern.compile("(@[a-z0-9][\\w.-]*/)?[a-z0-9][\\w.-]*");

    public NpmPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "npm package name '" + name + "' is not valid: expected name or @scope/name");
        }
        if (!AssetFile.isSha256(sha256)) {
            throw new IllegalArgumentException(
                    "sha256 '" + sha256 + "' of npm package " + name + " is not 64 lower-case hex");
        }
    }

    /** {@code name@version}, the form {@code npm pack} takes. */
    public String coordinates() {
        return name + "@" + version;
    }

    @Override
    public String describe() {
        return "npm package " + coordinates();
    }

    @Override
    public String cacheKey() {
        return "npm/" + name.replace('/', '+') + "@" + version;
    }
}
