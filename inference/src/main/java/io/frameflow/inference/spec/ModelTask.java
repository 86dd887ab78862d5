package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a model does with a picture. */
public enum ModelTask {
    @JsonProperty("detect")
    DETECT,
    @JsonProperty("segment")
    SEGMENT,
    @JsonProperty("restore")
    RESTORE
}
