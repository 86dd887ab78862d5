package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A YOLO-style detector export with one output tensor of decoded boxes (centre x, centre y, width,
 * height in input pixels) and per-class scores that are already probabilities; the classes are the
 * spec's labels, in order. NMS is not part of the model.
 *
 * @param version the output layout, see {@link YoloVersion}
 * @param output the output tensor's name
 */
public record YoloDecoderSpec(
        @JsonProperty(required = true) YoloVersion version,
        @JsonProperty(required = true) String output)
        implements DecoderSpec {

    public YoloDecoderSpec {
        SpecChecks.required("version", version);
        SpecChecks.nonBlank("output", output);
    }

    @Override
    public List<String> outputNames() {
        return List.of(output);
    }
}
