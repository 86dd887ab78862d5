package io.frameflow.inference.runtime;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.trt.TrtAvailability;
import io.frameflow.inference.trt.TrtPlatform;
import java.util.Objects;

/**
 * The backend that runs one model and why, as {@link ModelRuntime} logs it in one line.
 *
 * @param backend {@link Backend#TENSORRT} or {@link Backend#ONNXRUNTIME}, never {@code AUTO}
 * @param description what runs the model, e.g. {@code ONNX Runtime (CPU)}
 * @param reason why, e.g. {@code TensorRT unavailable: no NVIDIA driver (...)}
 */
public record BackendSelection(Backend backend, String description, String reason) {

    public BackendSelection {
        Objects.requireNonNull(backend, "backend");
        if (backend == Backend.AUTO) {
            throw new IllegalArgumentException("a selection names a concrete backend, not auto");
        }
    }

    /**
     * Chooses the backend for a model.
     *
     * @throws InferenceException naming the model and the reason if TensorRT is forced but cannot
     *     run here
     */
    public static BackendSelection choose(
            String modelId, RuntimeOptions options, TrtAvailability trt) {
        return switch (options.backend()) {
            case ONNXRUNTIME -> onnxRuntime(options, "forced by backend: onnxruntime");
            case TENSORRT -> {
                TrtPlatform platform =
                        trt.platform()
                                .orElseThrow(
                                        () ->
                                                new InferenceException(
                                                        "model "
                                                                + modelId
                                                                + ": backend tensorrt was asked"
                                                                + " for, but TensorRT cannot run"
                                                                + " on this machine: "
                                                                + trt.reason()
                                                                + "; use backend auto or"
                                                                + " onnxruntime, or run on a host"
                                                                + " with an NVIDIA driver and"
                                                                + " TensorRT 10"));
                yield tensorRt(platform, options, "forced by backend: tensorrt");
            }
            case AUTO ->
                    trt.platform()
                            .map(p -> tensorRt(p, options, "NVIDIA driver and libnvinfer found"))
                            .orElseGet(
                                    () ->
                                            onnxRuntime(
                                                    options,
                                                    "TensorRT unavailable: " + trt.reason()));
        };
    }

    private static BackendSelection tensorRt(
            TrtPlatform platform, RuntimeOptions options, String reason) {
        return new BackendSelection(
                Backend.TENSORRT, platform.describe() + ", " + options.precision().id(), reason);
    }

    private static BackendSelection onnxRuntime(RuntimeOptions options, String reason) {
        String description =
                options.precision() == Precision.FP16
                        ? "ONNX Runtime (CPU, fp32: fp16 needs TensorRT)"
                        : "ONNX Runtime (CPU)";
        return new BackendSelection(Backend.ONNXRUNTIME, description, reason);
    }

    /** The log line, e.g. {@code model x@1: ONNX Runtime (CPU), TensorRT unavailable: …}. */
    public String logLine(String modelId) {
        return "model " + modelId + ": " + description + ", " + reason;
    }
}
