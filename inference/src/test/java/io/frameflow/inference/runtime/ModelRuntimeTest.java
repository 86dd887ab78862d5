package io.frameflow.inference.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.fetch.Sha256;
import io.frameflow.inference.onnx.OnnxPredictor;
import io.frameflow.inference.onnx.TinyOnnxModels;
import io.frameflow.inference.testing.LogCapture;
import io.frameflow.inference.trt.TrtAvailability;
import io.frameflow.inference.trt.TrtPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backend choice on this machine, through the real probe: where TensorRT cannot run (CI, and every
 * machine without an NVIDIA driver), AUTO loads the model on ONNX Runtime and says why in one line,
 * and a forced TensorRT is a clear error.
 */
class ModelRuntimeTest {
    private static final List<float[]> INPUTS =
            List.of(new float[] {0, 0, 0}, new float[] {1, 1, 1}, new float[] {-1, 5, 0.5f});

    @TempDir Path dir;
    private LocalModelFile model;

    @BeforeEach
    void writeModel() throws IOException {
        Path file = TinyOnnxModels.addAndDouble(dir, 0);
        model = new LocalModelFile("tiny@1", file.toString(), Sha256.of(file));
    }

    private static void assumeNoTensorRt() {
        TrtAvailability trt = TrtAvailability.get();
        assumeFalse(trt.isAvailable(), "TensorRT is available here; the fallback is not taken");
    }

    @Test
    void autoFallsBackToOnnxRuntimeAndLogsWhyOnce() {
        assumeNoTensorRt();
        String reason = TrtAvailability.get().reason();
        RuntimeOptions options = RuntimeOptions.defaults().withThreads(1).withMaxBatchSize(2);
        try (LogCapture log = new LogCapture();
                Predictor<float[], float[]> predictor =
                        ModelRuntime.load(model, options, new VectorTranslator())) {
            assertThat(predictor).isInstanceOf(OnnxPredictor.class);
            List<float[]> results = predictor.predict(INPUTS);
            for (int i = 0; i < INPUTS.size(); i++) {
                assertThat(results.get(i))
                        .containsExactly(VectorTranslator.expected(INPUTS.get(i)));
            }
            assertThat(log.lines(Level.INFO, ModelRuntime.class))
                    .containsExactly(
                            "model tiny@1: ONNX Runtime (CPU), TensorRT unavailable: " + reason);
            assertThat(log.lines(Level.WARN, ModelRuntime.class)).isEmpty();
        }
    }

    @Test
    void onThisMachineTheReasonNamesTheMissingDriver() {
        assumeFalse(
                Files.exists(Path.of("/proc/driver/nvidia/version"))
                        || Files.exists(Path.of("/dev/nvidia0")),
                "an NVIDIA driver is loaded here");
        assertThat(TrtAvailability.get().reason())
                .isEqualTo("no NVIDIA driver (/proc/driver/nvidia/version missing)");
    }

    @Test
    void forcedOnnxRuntimeSaysItWasForced() {
        RuntimeOptions options =
                RuntimeOptions.defaults().withThreads(1).withBackend(Backend.ONNXRUNTIME);
        try (LogCapture log = new LogCapture();
                Predictor<float[], float[]> predictor =
                        ModelRuntime.load(model, options, new VectorTranslator())) {
            assertThat(predictor).isInstanceOf(OnnxPredictor.class);
            assertThat(predictor.predict(INPUTS.get(2)))
                    .containsExactly(VectorTranslator.expected(INPUTS.get(2)));
            assertThat(log.lines(Level.INFO, ModelRuntime.class))
                    .containsExactly(
                            "model tiny@1: ONNX Runtime (CPU), forced by backend: onnxruntime");
        }
    }

    @Test
    void forcedTensorRtWhereItCannotRunIsAClearStartupError() {
        assumeNoTensorRt();
        String reason = TrtAvailability.get().reason();
        RuntimeOptions options =
                RuntimeOptions.defaults().withThreads(1).withBackend(Backend.TENSORRT);
        try (LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> ModelRuntime.load(model, options, new VectorTranslator()))
                    .isInstanceOf(InferenceException.class)
                    .hasMessage(
                            "model tiny@1: backend tensorrt was asked for, but TensorRT cannot"
                                    + " run on this machine: "
                                    + reason
                                    + "; use backend auto or onnxruntime, or run on a host with"
                                    + " an NVIDIA driver and TensorRT 10");
            assertThat(log.lines(Level.INFO, ModelRuntime.class)).isEmpty();
        }
    }

    /**
     * A probe that says yes where the libraries are in fact missing (a broken TensorRT install):
     * the first TensorRT call fails inside native loading. AUTO must still give a working model.
     */
    @Test
    void autoFallsBackWhenTensorRtFailsToLoadTheModel() throws IOException {
        assumeNoTensorRt();
        LocalModelFile cached = cachedModel();
        try (LogCapture log = new LogCapture();
                Predictor<float[], float[]> predictor =
                        ModelRuntime.load(
                                cached,
                                RuntimeOptions.defaults().withThreads(1),
                                new VectorTranslator(),
                                BROKEN_TENSORRT)) {
            assertThat(predictor).isInstanceOf(OnnxPredictor.class);
            assertThat(predictor.predict(INPUTS.get(1)))
                    .containsExactly(VectorTranslator.expected(INPUTS.get(1)));
            assertThat(log.lines(Level.INFO, ModelRuntime.class))
                    .containsExactly(
                            "model tiny@1: TensorRT 10.15.1 on NVIDIA H200 (compute 9.0), fp32,"
                                    + " NVIDIA driver and libnvinfer found");
            assertThat(log.lines(Level.WARN, ModelRuntime.class))
                    .singleElement()
                    .asString()
                    .startsWith(
                            "model tiny@1: TensorRT could not load it, falling back to ONNX"
                                    + " Runtime (CPU): model tiny@1: TensorRT failed to load it:");
        }
        // The failed build published no engine.
        assertThat(dir.resolve("cache/engines")).isEmptyDirectory();
    }

    @Test
    void aForcedTensorRtThatFailsToLoadIsAnErrorNamingTheModel() throws IOException {
        assumeNoTensorRt();
        LocalModelFile cached = cachedModel();
        RuntimeOptions options =
                RuntimeOptions.defaults().withThreads(1).withBackend(Backend.TENSORRT);
        assertThatThrownBy(
                        () ->
                                ModelRuntime.load(
                                        cached, options, new VectorTranslator(), BROKEN_TENSORRT))
                .isInstanceOf(InferenceException.class)
                .hasMessageStartingWith("model tiny@1: TensorRT failed to load it: java.lang.")
                .hasCauseInstanceOf(LinkageError.class);
    }

    private static final TrtAvailability BROKEN_TENSORRT =
            new TrtAvailability(
                    Optional.of(new TrtPlatform("10.15.1", 0, "NVIDIA H200", 9, 0)), "");

    /** The tiny model laid out as in a FrameFlow cache, so that engines would go beside it. */
    private LocalModelFile cachedModel() throws IOException {
        Path versionDir = Files.createDirectories(dir.resolve("cache/models/tiny/1"));
        Path file = TinyOnnxModels.addAndDouble(versionDir, 0);
        return new LocalModelFile("tiny@1", file.toString(), Sha256.of(file));
    }

    @Test
    void aChangedModelFileIsRefusedWhateverTheBackend() throws IOException {
        LocalModelFile stale = new LocalModelFile("tiny@1", model.path(), "0".repeat(64));
        assertThatThrownBy(
                        () ->
                                ModelRuntime.load(
                                        stale,
                                        RuntimeOptions.defaults().withThreads(1),
                                        new VectorTranslator()))
                .isInstanceOf(InferenceException.class)
                .hasMessageContaining("model tiny@1")
                .hasMessageContaining("was recorded when it was fetched");
    }
}
