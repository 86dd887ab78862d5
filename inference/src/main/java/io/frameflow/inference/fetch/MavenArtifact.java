package io.frameflow.inference.fetch;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Maven artifact (a jar), pinned by version and by the sha256 of the jar {@code mvn
 * dependency:copy} writes: released artifacts are immutable, so the digest never goes stale.
 */
public record MavenArtifact(String group, String artifact, String version, String sha256)
        implements PackageSource {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

    public MavenArtifact {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        for (String id : new String[] {group, artifact, version}) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "Maven coordinate part '" + id + "' is not valid: letters, digits, . _ -");
            }
        }
        if (!AssetFile.isSha256(sha256)) {
            throw new IllegalArgumentException(
                    "sha256 '" + sha256 + "' of Maven artifact " + artifact + " is not 64 hex");
        }
    }

    /** {@code group:artifact:version}, the form {@code mvn dependency:copy} takes. */
    public String coordinates() {
        return group + ":" + artifact + ":" + version;
    }

    @Override
    public String describe() {
        return "Maven artifact " + coordinates();
    }

    @Override
    public String cacheKey() {
        return "maven/" + group + "+" + artifact + "@" + version;
    }
}
