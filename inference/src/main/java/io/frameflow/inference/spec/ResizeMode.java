package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a picture is fitted to the model's input size. */
public enum ResizeMode {
    /** Scale each axis independently to the input size, no padding. */
    @JsonProperty("stretch")
    STRETCH,
    /**
     * Keep the picture's aspect ratio: scale it by the same factor on both axes so that it just
     * fits, centre it, and fill the rest with black (pixel value 0 before normalisation).
     */
    @JsonProperty("letterbox")
    LETTERBOX
}
