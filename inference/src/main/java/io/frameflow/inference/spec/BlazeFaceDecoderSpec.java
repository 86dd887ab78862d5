package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Stream;

/**
 * MediaPipe BlazeFace-style SSD head with fixed-size anchors. Per stride s the input is a grid of
 * (W/s) x (H/s) cells, row-major, each with {@code anchors[level]} anchors centred on the cell
 * ((column + 0.5) * s, (row + 0.5) * s). Per level one score tensor [1, anchors, 1] of logits and
 * one regressor tensor [1, anchors, 4 + 2 * keypoints]: the box centre as an offset from the anchor
 * centre, then its width and height, then (x, y) offsets of each keypoint, all in input pixels
 * (MediaPipe's x/y/w/h scales equal the input size, and its anchors have size 1).
 *
 * @param strides the stride of each output level, e.g. [8, 16]
 * @param anchors anchors per grid cell at each level, e.g. [2, 6]
 * @param keypoints keypoints after the box in each regressor row (6 for faces); they are checked
 *     against the model's shape but not reported
 * @param scores the score logit output of each level
 * @param boxes the regressor output of each level
 */
public record BlazeFaceDecoderSpec(
        @JsonProperty(required = true) List<Integer> strides,
        @JsonProperty(required = true) List<Integer> anchors,
        Integer keypoints,
        @JsonProperty(required = true) List<String> scores,
        @JsonProperty(required = true) List<String> boxes)
        implements DecoderSpec {

    public BlazeFaceDecoderSpec {
        strides = SpecChecks.nonEmpty("strides", strides);
        for (int i = 0; i < strides.size(); i++) {
            SpecChecks.positive("strides[" + i + "]", strides.get(i));
        }
        anchors = SpecChecks.perLevel("anchors", SpecChecks.nonEmpty("anchors", anchors), strides);
        for (int i = 0; i < anchors.size(); i++) {
            SpecChecks.positive("anchors[" + i + "]", anchors.get(i));
        }
        keypoints = keypoints == null ? 0 : keypoints;
        if (keypoints < 0) {
            throw new SpecValueException(
                    "keypoints", keypoints + " is not valid: expected 0 or more");
        }
        scores = SpecChecks.perLevel("scores", SpecChecks.nonEmpty("scores", scores), strides);
        boxes = SpecChecks.perLevel("boxes", SpecChecks.nonEmpty("boxes", boxes), strides);
    }

    /** Values per regressor row: the box's 4, then 2 per keypoint. */
    public int valuesPerAnchor() {
        return 4 + 2 * keypoints;
    }

    @Override
    public List<String> outputNames() {
        return Stream.concat(scores.stream(), boxes.stream()).toList();
    }
}
