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
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
            assertThat(log.lines(Level.INFO))
                    .containsExactly(
                            "model tiny@1: ONNX Runtime (CPU), TensorRT unavailable: " + reason);
            assertThat(log.lines(Level.WARN)).isEmpty();
        }
    }

    @Test
    void onThisMachineTheReasonNamesTheMissingDriver() {
        assumeFalse(
                java.nio.file.Files.exists(Path.of("/proc/driver/nvidia/version"))
                        || java.nio.file.Files.exists(Path.of("/dev/nvidia0")),
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
            assertThat(log.lines(Level.INFO))
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
            assertThat(log.lines(Level.INFO)).isEmpty();
        }
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
