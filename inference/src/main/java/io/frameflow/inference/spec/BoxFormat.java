package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The order of a box's four numbers in a model's output. */
public enum BoxFormat {
    /** Left, top, right, bottom. */
    @JsonProperty("xyxy")
    XYXY,
    /** Top, left, bottom, right (TensorFlow's object detection API). */
    @JsonProperty("yxyx")
    YXYX,
    /** Centre x, centre y, width, height. */
    @JsonProperty("cxcywh")
    CXCYWH
}
