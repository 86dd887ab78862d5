package io.frameflow.inference.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.trt.TrtAvailability;
import io.frameflow.inference.trt.TrtPlatform;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision table of backend choice, for both probe outcomes, and its log lines. */
class BackendSelectionTest {
    private static final TrtAvailability GPU =
            new TrtAvailability(
                    Optional.of(new TrtPlatform("10.15.1", 0, "NVIDIA H200", 9, 0)), "");
    private static final TrtAvailability NO_GPU =
            new TrtAvailability(
                    Optional.empty(), "no NVIDIA driver (/proc/driver/nvidia/version missing)");
    private static final RuntimeOptions AUTO = RuntimeOptions.defaults();

    @Test
    void autoTakesTensorRtWhereItCanRun() {
        BackendSelection selection =
                BackendSelection.choose("m@1", AUTO.withPrecision(Precision.FP16), GPU);
        assertThat(selection.backend()).isEqualTo(Backend.TENSORRT);
        assertThat(selection.logLine("m@1"))
                .isEqualTo(
                        "model m@1: TensorRT 10.15.1 on NVIDIA H200 (compute 9.0), fp16,"
                                + " NVIDIA driver and libnvinfer found");
    }

    @Test
    void autoFallsBackToOnnxRuntimeWithTheProbeReason() {
        BackendSelection selection = BackendSelection.choose("m@1", AUTO, NO_GPU);
        assertThat(selection.backend()).isEqualTo(Backend.ONNXRUNTIME);
        assertThat(selection.logLine("m@1"))
                .isEqualTo(
                        "model m@1: ONNX Runtime (CPU), TensorRT unavailable: no NVIDIA driver"
                                + " (/proc/driver/nvidia/version missing)");
    }

    @Test
    void fp16OnTheCpuSaysItComputesInFp32() {
        BackendSelection selection =
                BackendSelection.choose("m@1", AUTO.withPrecision(Precision.FP16), NO_GPU);
        assertThat(selection.description())
                .isEqualTo("ONNX Runtime (CPU, fp32: fp16 needs TensorRT)");
    }

    @Test
    void forcedBackendsAreTakenWhereTheyCanRun() {
        assertThat(
                        BackendSelection.choose("m@1", AUTO.withBackend(Backend.ONNXRUNTIME), GPU)
                                .logLine("m@1"))
                .isEqualTo("model m@1: ONNX Runtime (CPU), forced by backend: onnxruntime");
        assertThat(
                        BackendSelection.choose("m@1", AUTO.withBackend(Backend.TENSORRT), GPU)
                                .logLine("m@1"))
                .isEqualTo(
                        "model m@1: TensorRT 10.15.1 on NVIDIA H200 (compute 9.0), fp32,"
                                + " forced by backend: tensorrt");
    }

    @Test
    void forcedTensorRtWithoutItNamesTheModelAndTheReason() {
        assertThatThrownBy(
                        () ->
                                BackendSelection.choose(
                                        "m@1", AUTO.withBackend(Backend.TENSORRT), NO_GPU))
                .isInstanceOf(InferenceException.class)
                .hasMessageStartingWith("model m@1: backend tensorrt was asked for")
                .hasMessageContaining("no NVIDIA driver (/proc/driver/nvidia/version missing)");
    }
}
