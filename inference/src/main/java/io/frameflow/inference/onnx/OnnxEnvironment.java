package io.frameflow.inference.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;

/**
 * The one ONNX Runtime environment of this JVM. ORT allows a single environment per process; every
 * session is created from it, and it lives as long as the process (ORT closes it at shutdown).
 */
public final class OnnxEnvironment {
    private OnnxEnvironment() {}

    /** The shared environment, created on first use with warnings and errors logged. */
    public static OrtEnvironment get() {
        return Holder.ENVIRONMENT;
    }

    /** Defers loading the native library until a model is actually used. */
    private static final class Holder {
        static final OrtEnvironment ENVIRONMENT =
                OrtEnvironment.getEnvironment(
                        OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "frameflow");
    }
}
