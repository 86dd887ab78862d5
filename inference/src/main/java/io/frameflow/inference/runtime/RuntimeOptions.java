package io.frameflow.inference.runtime;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a model is executed, whatever its task.
 *
 * @param backend which runtime; {@link Backend#AUTO} picks TensorRT where it can run
 * @param precision FP32, or FP16 (TensorRT only; ONNX Runtime on the CPU computes in FP32)
 * @param threads CPU threads of one ONNX Runtime predictor
 * @param maxBatchSize items per model run: the largest batch of a model with a dynamic batch
 *     dimension, and the top of a TensorRT optimisation profile
 */
public record RuntimeOptions(Backend backend, Precision precision, int threads, int maxBatchSize)
        implements Serializable {

    public RuntimeOptions {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(precision, "precision");
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "threads: " + threads + " is not a positive integer");
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException(
                    "max-batch-size: " + maxBatchSize + " is not a positive integer");
        }
    }

    /** Automatic backend, FP32, all available processors, batches of up to 8. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(
                Backend.AUTO, Precision.FP32, Runtime.getRuntime().availableProcessors(), 8);
    }

    public RuntimeOptions withBackend(Backend value) {
        return new RuntimeOptions(value, precision, threads, maxBatchSize);
    }

    public RuntimeOptions withPrecision(Precision value) {
        return new RuntimeOptions(backend, value, threads, maxBatchSize);
    }

    public RuntimeOptions withThreads(int value) {
        return new RuntimeOptions(backend, precision, value, maxBatchSize);
    }

    public RuntimeOptions withMaxBatchSize(int value) {
        return new RuntimeOptions(backend, precision, threads, value);
    }
}
