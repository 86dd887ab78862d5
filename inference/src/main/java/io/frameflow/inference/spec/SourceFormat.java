package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The format a model ships in, which decides how it becomes an ONNX file. */
public enum SourceFormat {
    /** A TF.js graph model (model.json plus weight shards), converted to ONNX by our converter. */
    @JsonProperty("tfjs-graph")
    TFJS_GRAPH("tfjs-graph"),
    /**
     * A waifu2x model in the JSON form of waifu2x's web and npm ports: a list of torch
     * SpatialConvolutionMM layers with their weights inline. Converted by our converter.
     */
    @JsonProperty("waifu2x-json")
    WAIFU2X_JSON("waifu2x-json"),
    /**
     * An ncnn model: a {@code .param} text file (the model file) and its {@code .bin} weights of
     * the same base name (the one weights file). Converted by our converter.
     */
    @JsonProperty("ncnn")
    NCNN("ncnn"),
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
