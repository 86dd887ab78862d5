package io.frameflow.inference.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a cached model entry was made from, written next to its {@code model.onnx}: the model, the
 * pinned source package and digest, the digest of the ONNX file, the converter and when.
 */
public record ModelManifest(
        String model,
        String version,
        String source,
        String sourceSha256,
        String onnxSha256,
        String converter,
        String convertedAt) {

    static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();

    static ModelManifest read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ModelManifest.class);
    }

    void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }
}
