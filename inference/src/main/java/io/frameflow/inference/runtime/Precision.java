package io.frameflow.inference.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The floating-point precision a model's engine computes in. ONNX Runtime on the CPU always
 * computes in FP32; TensorRT builds an FP16 engine when asked.
 */
public enum Precision {
    @JsonProperty("fp32")
    FP32("fp32"),
    @JsonProperty("fp16")
    FP16("fp16");

    private final String id;

    Precision(String id) {
        this.id = id;
    }

    /** The spelling in pipeline files and engine cache keys, e.g. {@code fp16}. */
    public String id() {
        return id;
    }
}
