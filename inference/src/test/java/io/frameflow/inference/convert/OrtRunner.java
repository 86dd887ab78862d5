package io.frameflow.inference.convert;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a converted model with ONNX Runtime and returns its float outputs, for tests. */
final class OrtRunner {
    private OrtRunner() {}

    /** One output: its shape and values. */
    record Output(long[] shape, float[] values) {}

    /** A named float input. */
    record Input(String name, long[] shape, float[] values) {}

    static Map<String, Output> run(Path onnx, Input... inputs) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(onnx.toString(), options)) {
            for (Input input : inputs) {
                feed.put(
                        input.name(),
                        OnnxTensor.createTensor(
                                env, FloatBuffer.wrap(input.values()), input.shape()));
            }
            Map<String, Output> out = new LinkedHashMap<>();
            try (OrtSession.Result result = session.run(feed)) {
                for (Map.Entry<String, OnnxValue> entry : result) {
                    OnnxTensor tensor = (OnnxTensor) entry.getValue();
                    FloatBuffer buffer = tensor.getFloatBuffer();
                    float[] values = new float[buffer.remaining()];
                    buffer.get(values);
                    out.put(entry.getKey(), new Output(tensor.getInfo().getShape(), values));
                }
            }
            return out;
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }
}
