package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a model inside its package, as archive paths. For a TF.js graph model {@code model}
 * is the model.json and {@code weights} its shards, which the converter resolves by file name next
 * to the model.json, so each file is extracted under its own base name.
 */
public record SourceFilesSpec(
        @JsonProperty(required = true) String model,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> weights)
        implements Serializable {

    public SourceFilesSpec {
        SpecChecks.archivePath("model", model);
        weights = weights == null ? List.of() : List.copyOf(weights);
        for (int i = 0; i < weights.size(); i++) {
            SpecChecks.archivePath("weights[" + i + "]", weights.get(i));
        }
    }

    /** The model file followed by its weight files. */
    public List<String> all() {
        return Stream.concat(Stream.of(model), weights.stream()).toList();
    }
}
