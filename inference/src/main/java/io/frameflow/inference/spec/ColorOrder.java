package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Channel order a model expects. */
public enum ColorOrder {
    @JsonProperty("rgb")
    RGB,
    @JsonProperty("bgr")
    BGR
}
