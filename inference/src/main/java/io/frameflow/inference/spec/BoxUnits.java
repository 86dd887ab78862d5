package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a box coordinate in a model's output is measured in. */
public enum BoxUnits {
    /** Fractions of the model's input width (x) and height (y), 0..1. */
    @JsonProperty("normalized")
    NORMALIZED,
    /** Pixels of the model's input. */
    @JsonProperty("pixels")
    PIXELS
}
