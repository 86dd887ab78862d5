package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * A typed, validated description of one model: identity and licence, where it comes from, how its
 * input is prepared and how its outputs are decoded. Built by {@link ModelSpecLoader} from YAML;
 * the constructors of the spec records reject every invalid value, so a {@code ModelSpec} that
 * exists is valid.
 */
public record ModelSpec(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String version,
        @JsonProperty(required = true) ModelTask task,
        @JsonProperty(required = true) String license,
        @JsonProperty(required = true) SourceSpec source,
        @JsonProperty(required = true) InputSpec input,
        DecoderSpec decoder,
        List<String> labels,
        DetectionDefaults defaults)
        implements Serializable {

    /** Used when a spec gives no {@code defaults}. */
    public static final DetectionDefaults STANDARD_DEFAULTS = new DetectionDefaults(0.35, 0.5, 100);

    public ModelSpec {
        SpecChecks.name("name", name);
        SpecChecks.version("version", version);
        SpecChecks.required("task", task);
        SpecChecks.nonBlank("license", license);
        SpecChecks.required("source", source);
        SpecChecks.required("input", input);
        // Absent and empty mean the same: a spec without labels must survive Java
        // serialization, which calls this constructor again with the empty list.
        labels =
                labels == null || labels.isEmpty()
                        ? List.of()
                        : SpecChecks.nonEmpty("labels", labels);
        defaults = defaults == null ? STANDARD_DEFAULTS : defaults;
        if (task == ModelTask.DETECT) {
            checkDetector(input, SpecChecks.required("decoder", decoder), labels);
        } else if (input.resize() == ResizeMode.LETTERBOX) {
            // Masks and restored frames are mapped back as stretched; only boxes undo a letterbox.
            throw new SpecValueException(
                    "input.resize", "'letterbox' is only supported for detect models; use stretch");
        }
        if (task == ModelTask.SEGMENT) {
            checkSegmenter(SpecChecks.required("decoder", decoder), labels);
        }
        if (decoder instanceof ProbabilityMapDecoderSpec map) {
            checkSizeMultiple(input, map.sizeMultiple());
        }
        if (task == ModelTask.RESTORE
                && !(SpecChecks.required("decoder", decoder) instanceof ImageDecoderSpec)) {
            throw new SpecValueException(
                    "decoder.type", "a restoration model needs the 'image' decoder");
        }
    }

    private static void checkSegmenter(DecoderSpec decoder, List<String> labels) {
        if (!(decoder instanceof ProbabilityMapDecoderSpec)) {
            throw new SpecValueException(
                    "decoder.type", "a segment model needs the probability-map decoder");
        }
        if (labels.isEmpty()) {
            throw new SpecValueException(
                    "labels", "missing: a segmentation model needs one label per output channel");
        }
    }

    private static void checkSizeMultiple(InputSpec input, int multiple) {
        if (input.width() % multiple != 0 || input.height() % multiple != 0) {
            throw new SpecValueException(
                    "decoder.size-multiple",
                    multiple
                            + " does not divide the input size "
                            + input.width()
                            + "x"
                            + input.height());
        }
    }

    private static void checkDetector(InputSpec input, DecoderSpec decoder, List<String> labels) {
        if (labels.isEmpty()) {
            throw new SpecValueException("labels", "missing: a detector needs its class names");
        }
        if (decoder instanceof NanoDetGflDecoderSpec gfl) {
            checkStrides(input, gfl.strides());
        } else if (decoder instanceof BlazeFaceDecoderSpec blazeFace) {
            checkStrides(input, blazeFace.strides());
            if (labels.size() != 1) {
                throw new SpecValueException(
                        "labels",
                        labels + " has " + labels.size() + " labels; a blazeface decoder has one");
            }
        } else if (decoder instanceof SsdDecoderSpec ssd
                && ssd.backgroundClass() != null
                && ssd.backgroundClass() > labels.size()) {
            throw new SpecValueException(
                    "decoder.background-class",
                    ssd.backgroundClass()
                            + " is not a score column: with "
                            + labels.size()
                            + " labels and a background the columns are 0.."
                            + labels.size());
        }
    }

    private static void checkStrides(InputSpec input, List<Integer> strides) {
        for (int i = 0; i < strides.size(); i++) {
            int stride = strides.get(i);
            if (input.width() % stride != 0 || input.height() % stride != 0) {
                throw new SpecValueException(
                        "decoder.strides[" + i + "]",
                        stride
                                + " does not divide the input size "
                                + input.width()
                                + "x"
                                + input.height());
            }
        }
    }

    /** {@code name@version}, the id predictors and results carry. */
    public String modelId() {
        return name + "@" + version;
    }
}
