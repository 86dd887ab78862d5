package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/** The post-processing settings a detector uses unless the pipeline overrides them. */
public record DetectionDefaults(
        @JsonProperty(required = true) double scoreThreshold,
        @JsonProperty(required = true) double iouThreshold,
        @JsonProperty(required = true) int maxDetections)
        implements Serializable {

    public DetectionDefaults {
        SpecChecks.unitInterval("score-threshold", scoreThreshold);
        SpecChecks.unitInterval("iou-threshold", iouThreshold);
        SpecChecks.positive("max-detections", maxDetections);
    }
}
