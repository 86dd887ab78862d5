package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/** Where a model comes from: a pinned package, the files inside it, and its format. */
public record SourceSpec(
        @JsonProperty(required = true) NpmPackageSpec npm,
        @JsonProperty(required = true) SourceFilesSpec files,
        @JsonProperty(required = true) SourceFormat convert)
        implements Serializable {

    public SourceSpec {
        SpecChecks.required("npm", npm);
        SpecChecks.required("files", files);
        SpecChecks.required("convert", convert);
        if (convert == SourceFormat.TFJS_GRAPH && files.weights().isEmpty()) {
            throw new SpecValueException(
                    "files.weights", "missing: a tfjs-graph model needs at least one weights file");
        }
    }
}
