package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a picture is fitted to the model's input size. Only {@code stretch} (scale each axis
 * independently, no padding) exists so far, because that is how the catalog's models were trained.
 */
public enum ResizeMode {
    @JsonProperty("stretch")
    STRETCH
}
