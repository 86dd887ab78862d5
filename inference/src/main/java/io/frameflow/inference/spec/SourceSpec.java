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
}
