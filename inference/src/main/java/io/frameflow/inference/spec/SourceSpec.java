package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * Where a model comes from: a pinned package, the files inside it, its format, and optionally the
 * sha256 that the ONNX file made from it must have.
 *
 * @param onnxSha256 the digest of the converted (or copied) ONNX file; when given, a fetch whose
 *     result differs fails and caches nothing, and a cached entry with another digest is made
 *     again. Every entry of the built-in catalog pins it, so a change in a converter cannot slip
 *     into results unnoticed.
 */
public record SourceSpec(
        @JsonProperty(required = true) NpmPackageSpec npm,
        @JsonProperty(required = true) SourceFilesSpec files,
        @JsonProperty(required = true) SourceFormat convert,
        @JsonProperty("onnx-sha256") String onnxSha256)
        implements Serializable {

    public SourceSpec {
        SpecChecks.required("npm", npm);
        SpecChecks.required("files", files);
        SpecChecks.required("convert", convert);
        if (onnxSha256 != null) {
            SpecChecks.sha256("onnx-sha256", onnxSha256);
        }
        if (convert == SourceFormat.TFJS_GRAPH && files.weights().isEmpty()) {
            throw new SpecValueException(
                    "files.weights", "missing: a tfjs-graph model needs at least one weights file");
        }
    }
}
