package io.frameflow.inference.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Converts fixture models, runs them in ONNX Runtime and compares with expectations. */
final class ConversionHarness {
    static final double TOLERANCE = 1e-4;

    private ConversionHarness() {}

    static Path convert(TfjsModelFixture model, Path dir) throws IOException {
        Path onnx = dir.resolve("model.onnx");
        new TfjsGraphConverter().convert(model.write(dir), onnx);
        return onnx;
    }

    /** Converts and runs a model with one input; returns its only output. */
    static OrtRunner.Output convertAndRun(
            TfjsModelFixture model, Path dir, String input, long[] shape, float[] values)
            throws IOException, OrtException {
        Map<String, OrtRunner.Output> outputs =
                OrtRunner.run(convert(model, dir), new OrtRunner.Input(input, shape, values));
        if (outputs.size() != 1) {
            fail("expected one output, got " + outputs.keySet());
        }
        return outputs.values().iterator().next();
    }

    static OrtRunner.Output convertAndRun(TfjsModelFixture model, Path dir, Nhwc input)
            throws IOException, OrtException {
        return convertAndRun(model, dir, "x", input.shape(), input.data());
    }

    static void assertMatches(Nhwc expected, OrtRunner.Output actual) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        assertClose(expected.data(), actual.values());
    }

    static void assertClose(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            fail("expected " + expected.length + " values, got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= TOLERANCE)) {
                fail("value " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    static ModelProto readModel(Path onnx) throws IOException {
        try (InputStream in = Files.newInputStream(onnx)) {
            return ModelProto.parseFrom(in);
        }
    }

    static List<String> opTypes(Path onnx) throws IOException {
        return readModel(onnx).getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    }
}
