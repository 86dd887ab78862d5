package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;
import java.util.List;

/**
 * How a model's raw outputs become results; the YAML key {@code type} picks the kind. Each kind has
 * a translator that understands it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NanoDetGflDecoderSpec.class, name = "nanodet-gfl"),
    @JsonSubTypes.Type(value = ProbabilityMapDecoderSpec.class, name = "probability-map"),
    @JsonSubTypes.Type(value = BlazeFaceDecoderSpec.class, name = "blazeface"),
    @JsonSubTypes.Type(value = YoloDecoderSpec.class, name = "yolo"),
    @JsonSubTypes.Type(value = SsdDecoderSpec.class, name = "ssd"),
    @JsonSubTypes.Type(value = ImageDecoderSpec.class, name = "image")
})
public sealed interface DecoderSpec extends Serializable
        permits NanoDetGflDecoderSpec,
                ProbabilityMapDecoderSpec,
                BlazeFaceDecoderSpec,
                YoloDecoderSpec,
                SsdDecoderSpec,
                ImageDecoderSpec {

    /** All output tensor names this decoder reads. */
    List<String> outputNames();
}
