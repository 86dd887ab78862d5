package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The output layout of a YOLO-style detector export. */
public enum YoloVersion {
    /**
     * YOLOv5 (also v7): [1, boxes, 5 + classes], each row cx, cy, w, h, objectness, then one score
     * per class; a box's score is objectness times its best class score.
     */
    @JsonProperty("v5")
    V5,
    /**
     * YOLOv8 (also v11): [1, 4 + classes, boxes], channels first: cx, cy, w, h, then one score per
     * class, no objectness.
     */
    @JsonProperty("v8")
    V8
}
