package io.frameflow.inference.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.Sha256;
import io.frameflow.inference.onnx.OnnxPredictor;
import io.frameflow.inference.onnx.OnnxSessionOptions;
import io.frameflow.inference.onnx.TinyOnnxModels;
import io.frameflow.inference.runtime.Backend;
import io.frameflow.inference.runtime.Precision;
import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.runtime.VectorTranslator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorRT against ONNX Runtime on the same tiny models. Needs an NVIDIA GPU with its driver and
 * TensorRT 10's libnvinfer; elsewhere every test is skipped with the probe's reason.
 */
@Tag("gpu")
class TrtPredictorGpuTest {
    @TempDir Path dir;
    private TrtPlatform platform;
    private EngineCache cache;

    @BeforeEach
    void requireTensorRt() {
        TrtAvailability trt = TrtAvailability.get();
        assumeTrue(trt.isAvailable(), () -> "TensorRT unavailable: " + trt.reason());
        platform = trt.platform().orElseThrow();
        cache = new EngineCache(FrameflowCache.at(dir.resolve("cache")));
    }

    private static List<float[]> inputs(int count) {
        Random random = new Random(42);
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(new float[] {random.nextFloat() * 10 - 5, random.nextFloat(), -i});
        }
        return inputs;
    }

    private TrtPredictor<float[], float[]> load(Path model, Precision precision, int maxBatch) {
        return TrtModelLoader.load(
                "tiny@1",
                model,
                Sha256.of(model),
                RuntimeOptions.defaults().withPrecision(precision).withMaxBatchSize(maxBatch),
                new VectorTranslator(),
                platform,
                cache);
    }

    private static List<float[]> onnxRuntime(Path model, List<float[]> inputs) {
        try (OnnxPredictor<float[], float[]> ort =
                OnnxPredictor.load(
                        "tiny@1",
                        model,
                        OnnxSessionOptions.defaults().withIntraOpThreads(1),
                        4,
                        new VectorTranslator())) {
            return ort.predict(inputs);
        }
    }

    @Test
    void dynamicBatchMatchesOnnxRuntimeInChunksOfTheProfileMaximum() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 0);
        List<float[]> inputs = inputs(11);
        List<float[]> expected = onnxRuntime(model, inputs);
        try (TrtPredictor<float[], float[]> trt = load(model, Precision.FP32, 4)) {
            List<float[]> actual = trt.predict(inputs);
            assertThat(trt.batchCapacity()).isEqualTo(4);
            assertThat(trt.runs()).isEqualTo(3); // 4 + 4 + 3
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(actual.get(i)).containsExactly(expected.get(i), within(1e-6f));
            }
            // A smaller batch after larger ones re-binds the shape.
            assertThat(trt.predict(inputs.subList(0, 1)).get(0))
                    .containsExactly(expected.get(0), within(1e-6f));
        }
    }

    @Test
    void aFixedBatchModelIsPaddedLikeOnOnnxRuntime() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 2);
        List<float[]> inputs = inputs(3);
        List<float[]> expected = onnxRuntime(model, inputs);
        try (TrtPredictor<float[], float[]> trt = load(model, Precision.FP32, 8)) {
            assertThat(trt.batchCapacity()).isEqualTo(2);
            List<float[]> actual = trt.predict(inputs);
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(actual.get(i)).containsExactly(expected.get(i), within(1e-6f));
            }
        }
    }

    @Test
    void fp16StaysCloseToFp32() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 0);
        List<float[]> inputs = inputs(5);
        List<float[]> expected = onnxRuntime(model, inputs);
        try (TrtPredictor<float[], float[]> trt = load(model, Precision.FP16, 8)) {
            List<float[]> actual = trt.predict(inputs);
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(actual.get(i)).containsExactly(expected.get(i), within(2e-2f));
            }
        }
    }

    @Test
    void theSecondLoadReusesTheCachedEngine() throws IOException {
        Path model = TinyOnnxModels.addAndDouble(dir, 0);
        try (TrtPredictor<float[], float[]> ignored = load(model, Precision.FP32, 4)) {
            // built and cached
        }
        EngineCacheKey key =
                EngineCacheKey.of(
                        Sha256.of(model),
                        platform,
                        Precision.FP32,
                        "x",
                        new long[] {1, 3},
                        new long[] {4, 3},
                        new long[] {4, 3});
        assertThat(cache.find(key)).isPresent();
        CachedEngine again =
                cache.getOrBuild(
                        "tiny@1",
                        key,
                        () -> {
                            throw new AssertionError("the cached engine should be reused");
                        });
        assertThat(again.built()).isFalse();
        try (TrtPredictor<float[], float[]> reloaded = load(model, Precision.FP32, 4)) {
            float[] x = {1, 2, 3};
            assertThat(reloaded.predict(x)).containsExactly(VectorTranslator.expected(x));
        }
    }

    @Test
    void closeIsIdempotent() throws IOException {
        TrtPredictor<float[], float[]> trt =
                load(TinyOnnxModels.addAndDouble(dir, 0), Precision.FP32, 2);
        trt.close();
        trt.close();
    }

    @Test
    void autoPicksTensorRtHere() throws IOException {
        // Laid out like a cached model, so that its engine goes to this test's cache.
        Path versionDir = dir.resolve("cache/models/tiny/1");
        java.nio.file.Files.createDirectories(versionDir);
        Path model = TinyOnnxModels.addAndDouble(versionDir, 0);
        var file =
                new io.frameflow.inference.runtime.LocalModelFile(
                        "tiny@1", model.toString(), Sha256.of(model));
        try (Predictor<float[], float[]> predictor =
                io.frameflow.inference.runtime.ModelRuntime.load(
                        file,
                        RuntimeOptions.defaults().withBackend(Backend.AUTO),
                        new VectorTranslator())) {
            assertThat(predictor).isInstanceOf(TrtPredictor.class);
            float[] x = {0.5f, -1, 4};
            assertThat(predictor.predict(x)).containsExactly(VectorTranslator.expected(x));
        }
    }
}
