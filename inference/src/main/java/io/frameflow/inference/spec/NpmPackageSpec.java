package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * An npm package pinned by version and by the sha256 of its tarball (npm content is immutable per
 * version, so a pinned digest never goes stale).
 */
public record NpmPackageSpec(
        @JsonProperty(value = "package", required = true) String packageName,
        @JsonProperty(required = true) String version,
        @JsonProperty(required = true) String sha256)
        implements Serializable {

    public NpmPackageSpec {
        SpecChecks.nonBlank("package", packageName);
        SpecChecks.version("version", version);
        SpecChecks.sha256("sha256", sha256);
    }

    /** {@code package@version}, the form {@code npm pack} takes. */
    public String coordinates() {
        return packageName + "@" + version;
    }
}
