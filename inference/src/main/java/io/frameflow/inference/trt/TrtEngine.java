package io.frameflow.inference.trt;

import static org.bytedeco.tensorrt.global.nvinfer.createInferRuntime;

import io.frameflow.inference.api.InferenceException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorrt.global.nvinfer.DataType;
import org.bytedeco.tensorrt.global.nvinfer.TensorIOMode;
import org.bytedeco.tensorrt.nvinfer.Dims64;
import org.bytedeco.tensorrt.nvinfer.ICudaEngine;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;
import org.bytedeco.tensorrt.nvinfer.IRuntime;

/**
 * A deserialized engine and the runtime that owns it (TensorRT requires the runtime to outlive the
 * engine). One per predictor.
 */
final class TrtEngine implements AutoCloseable {
    private final String modelId;
    private final IRuntime runtime;
    private final ICudaEngine engine;
    private boolean closed;

    private TrtEngine(String modelId, IRuntime runtime, ICudaEngine engine) {
        this.modelId = modelId;
        this.runtime = runtime;
        this.engine = engine;
    }

    /**
     * @throws InferenceException with TensorRT's errors if the bytes are not an engine this
     *     TensorRT and GPU can run
     */
    static TrtEngine deserialize(String modelId, byte[] serialized) {
        TrtLogger logger = TrtLogger.get();
        try (TrtLogger.ErrorCapture errors = logger.captureErrors()) {
            IRuntime runtime = createInferRuntime(logger);
            if (runtime == null || runtime.isNull()) {
                throw new InferenceException(
                        "model "
                                + modelId
                                + ": TensorRT could not create a runtime: "
                                + errors.summary());
            }
            ICudaEngine engine;
            try (BytePointer bytes = new BytePointer(serialized)) {
                engine = runtime.deserializeCudaEngine(bytes, serialized.length);
            }
            if (engine == null || engine.isNull()) {
                runtime.close();
                throw new InferenceException(
                        "model "
                                + modelId
                                + ": TensorRT could not load its cached engine: "
                                + errors.summary());
            }
            return new TrtEngine(modelId, runtime, engine);
        }
    }

    /** Names of the engine's input tensors, in engine order. */
    List<String> inputs() {
        return tensors(TensorIOMode.kINPUT);
    }

    /** Names of the engine's output tensors, in engine order. */
    List<String> outputs() {
        return tensors(TensorIOMode.kOUTPUT);
    }

    private List<String> tensors(TensorIOMode mode) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < engine.getNbIOTensors(); i++) {
            String name = engine.getIOTensorName(i);
            if (engine.getTensorIOMode(name).value == mode.value) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Fails unless the engine takes exactly {@code input}, as float32, and has the float32 outputs
     * a translator reads.
     */
    void checkTensors(String input, List<String> readOutputs) {
        List<String> inputs = inputs();
        if (!inputs.equals(List.of(input))) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + ": the TensorRT engine has inputs "
                            + inputs
                            + "; its translator fills only '"
                            + input
                            + "'");
        }
        if (!isFloat(input)) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + ": input '"
                            + input
                            + "' of the TensorRT engine is not float32");
        }
        List<String> outputs = outputs();
        for (String name : readOutputs) {
            if (!outputs.contains(name) || !isFloat(name)) {
                throw new InferenceException(
                        "model "
                                + modelId
                                + ": the TensorRT engine has no float output '"
                                + name
                                + "'; its outputs: "
                                + outputs);
            }
        }
    }

    /** Bytes per element of a tensor; fails for types FrameFlow cannot size. */
    int elementBytes(String tensor) {
        DataType type = engine.getTensorDataType(tensor);
        return switch (type.intern()) {
            case kFLOAT, kINT32 -> 4;
            case kHALF, kBF16 -> 2;
            case kINT64 -> 8;
            case kINT8, kUINT8, kBOOL, kFP8 -> 1;
            default ->
                    throw new InferenceException(
                            "model "
                                    + modelId
                                    + ": tensor '"
                                    + tensor
                                    + "' has unsupported type "
                                    + type);
        };
    }

    /** Whether a tensor holds 32-bit floats, the only type translators read and write. */
    boolean isFloat(String tensor) {
        return engine.getTensorDataType(tensor).value == DataType.kFLOAT.value;
    }

    IExecutionContext createContext() {
        IExecutionContext context = engine.createExecutionContext();
        if (context == null || context.isNull()) {
            throw new InferenceException(
                    "model " + modelId + ": TensorRT could not create an execution context");
        }
        return context;
    }

    /** A shape as a Java array; frees the native copy TensorRT returned. */
    static long[] shape(Dims64 dims) {
        try (dims) {
            long[] shape = new long[dims.nbDims()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.d(i);
            }
            return shape;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            engine.close();
        } finally {
            runtime.close();
        }
    }
}
