package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Stream;

/**
 * NanoDet's anchor-free head with Generalized Focal Loss box distributions: per stride, one score
 * tensor [1, cells, classes] (already sigmoid) and one box tensor [1, cells, 4 * bins] (a discrete
 * distribution over distances 0..bins-1, in units of the stride, for left, top, right, bottom).
 */
public record NanoDetGflDecoderSpec(
        @JsonProperty(required = true) List<Integer> strides,
        @JsonProperty(required = true) int bins,
        @JsonProperty(required = true) List<String> scores,
        @JsonProperty(required = true) List<String> boxes)
        implements DecoderSpec {

    public NanoDetGflDecoderSpec {
        strides = SpecChecks.nonEmpty("strides", strides);
        for (int i = 0; i < strides.size(); i++) {
            SpecChecks.positive("strides[" + i + "]", strides.get(i));
        }
        if (bins < 2) {
            throw new SpecValueException("bins", bins + " is not valid: expected at least 2");
        }
        scores = sameCount("scores", SpecChecks.nonEmpty("scores", scores), strides.size());
        boxes = sameCount("boxes", SpecChecks.nonEmpty("boxes", boxes), strides.size());
    }

    private static List<String> sameCount(String key, List<String> names, int strides) {
        if (names.size() != strides) {
            throw new SpecValueException(
                    key,
                    names
                            + " names "
                            + names.size()
                            + " outputs; expected "
                            + strides
                            + ", one per stride");
        }
        return names;
    }

    @Override
    public List<String> outputNames() {
        return Stream.concat(scores.stream(), boxes.stream()).toList();
    }
}
