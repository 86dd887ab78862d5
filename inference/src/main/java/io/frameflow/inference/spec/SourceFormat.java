package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The format a model ships in, which decides how it becomes an ONNX file. */
public enum SourceFormat {
    /** A TF.js graph model (model.json plus weight shards), converted to ONNX by our converter. */
    @JsonProperty("tfjs-graph")
    TFJS_GRAPH("tfjs-graph"),
    /** Already ONNX: copied as is. */
    @JsonProperty("onnx")
    ONNX("onnx");

    private final String id;

    SourceFormat(String id) {
        this.id = id;
    }

    /** The spelling in model specs, e.g. {@code tfjs-graph}. */
    public String id() {
        return id;
    }
}
