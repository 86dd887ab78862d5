package io.frameflow.inference.segment;

import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelSpecLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Small probability-map specs, signatures and outputs for translator tests without a model. */
final class MapSpecs {
    private MapSpecs() {}

    static ModelSpec spec(int size, String outputLayout, String labels, String defaults) {
        String yaml =
                """
                name: map-test
                version: "1"
                task: segment
                license: test
                source:
                  npm: {package: none, version: "1", sha256: %s}
                  files: {model: model.onnx}
                  convert: onnx
                input: {name: x, layout: NCHW, width: %d, height: %d}
                decoder: {type: probability-map, output: map, layout: %s, threshold: 0.5}
                labels: [%s]
                %s
                """
                        .formatted("0".repeat(64), size, size, outputLayout, labels, defaults);
        try {
            return ModelSpecLoader.read(
                    "map-test.yaml",
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelSignature signature(long[] input, long[] output) {
        return new ModelSignature("map-test@1", Map.of("x", input), Map.of("map", output));
    }

    static ItemOutputs outputs(float[] map) {
        return name -> FloatBuffer.wrap(map);
    }
}
