package io.frameflow.inference.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which runtime executes a model. */
public enum Backend {
    /**
     * TensorRT where an NVIDIA driver and libnvinfer are present, else ONNX Runtime on the CPU; the
     * choice and its reason are logged once per model.
     */
    @JsonProperty("auto")
    AUTO("auto"),
    /** TensorRT on an NVIDIA GPU; a clear startup error where it cannot run. */
    @JsonProperty("tensorrt")
    TENSORRT("tensorrt"),
    /** ONNX Runtime on the CPU, everywhere. */
    @JsonProperty("onnxruntime")
    ONNXRUNTIME("onnxruntime");

    private final String id;

    Backend(String id) {
        this.id = id;
    }

    /** The spelling in pipeline files, e.g. {@code tensorrt}. */
    public String id() {
        return id;
    }
}
