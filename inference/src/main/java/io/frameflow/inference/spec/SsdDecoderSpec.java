package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An SSD-style detector export with decoded boxes and per-class scores in two outputs: boxes [1,
 * boxes, 4] and scores [1, boxes, classes] (already probabilities). If the model scores a
 * background class, {@code background-class} names its column: it is never reported and the labels
 * name the other columns, in order. NMS is not part of the model.
 *
 * @param boxes the box output's name
 * @param scores the score output's name
 * @param boxFormat the order of a box's numbers
 * @param boxUnits what they are measured in
 * @param backgroundClass the score column of the background class, or null if there is none
 */
public record SsdDecoderSpec(
        @JsonProperty(required = true) String boxes,
        @JsonProperty(required = true) String scores,
        @JsonProperty(required = true) BoxFormat boxFormat,
        @JsonProperty(required = true) BoxUnits boxUnits,
        Integer backgroundClass)
        implements DecoderSpec {

    public SsdDecoderSpec {
        SpecChecks.nonBlank("boxes", boxes);
        SpecChecks.nonBlank("scores", scores);
        SpecChecks.required("box-format", boxFormat);
        SpecChecks.required("box-units", boxUnits);
        if (backgroundClass != null && backgroundClass < 0) {
            throw new SpecValueException(
                    "background-class",
                    backgroundClass + " is not valid: expected a score column, 0 or more");
        }
    }

    /** Score columns of the model: one per label, plus the background's if there is one. */
    public int scoreColumns(int labels) {
        return backgroundClass == null ? labels : labels + 1;
    }

    @Override
    public List<String> outputNames() {
        return List.of(boxes, scores);
    }
}
