package io.frameflow.inference.restore;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which cheap estimate, if any, decides whether a frame is restored. */
public enum GateKind {
    /** Every frame is restored. */
    @JsonProperty("none")
    NONE("none"),
    /**
     * Restore when the estimated noise standard deviation (Immerkær's fast noise estimation on
     * luma, in 0..1 units) is above the threshold.
     */
    @JsonProperty("noise")
    NOISE("noise"),
    /**
     * Restore when the variance of the Laplacian of luma (0..255 units) is below the threshold: few
     * sharp edges mean a blurred frame.
     */
    @JsonProperty("blur")
    BLUR("blur");

    private final String id;

    GateKind(String id) {
        this.id = id;
    }

    /** The spelling in pipeline files, e.g. {@code noise}. */
    public String id() {
        return id;
    }
}
