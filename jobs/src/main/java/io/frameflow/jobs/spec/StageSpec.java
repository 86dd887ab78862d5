package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code stages}: a map with exactly one key naming the stage kind ({@code restore},
 * {@code segment} or {@code detect}); stages run in the order the file lists them.
 */
public record StageSpec(
        @JsonProperty("restore") RestoreStageSpec restore,
        @JsonProperty("segment") SegmentStageSpec segment,
        @JsonProperty("detect") DetectStageSpec detect) {

    /** A detect stage entry. */
    public StageSpec(DetectStageSpec detect) {
        this(null, null, detect);
    }

    /** The entry's stage, or null when it names none. */
    public ModelStageSpec stage() {
        return restore != null ? restore : segment != null ? segment : detect;
    }

    /** The stage kinds this entry sets, for messages. */
    java.util.List<String> kinds() {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        if (restore != null) {
            kinds.add("restore");
        }
        if (segment != null) {
            kinds.add("segment");
        }
        if (detect != null) {
            kinds.add("detect");
        }
        return kinds;
    }
}
