package io.frameflow.inference.trt;

import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.runtime.BatchInput;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ItemShapes;
import io.frameflow.inference.runtime.Translator;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorrt.nvinfer.Dims64;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;

/**
 * Runs a TensorRT engine with a {@link Translator}, the same contract as the ONNX Runtime
 * predictor: items are stacked into batches of up to the engine's capacity, each item's slice of
 * the outputs is handed to the translator. Per predictor: one CUDA stream, pinned host buffers for
 * the input and the outputs the translator reads, and device buffers for every engine tensor, all
 * allocated once. A batch is an asynchronous host-to-device copy, {@code enqueueV3}, the
 * device-to-host copies, then one stream synchronisation. {@link #close()} frees every native
 * object.
 */
public final class TrtPredictor<I, O> implements Predictor<I, O> {
    private final String modelId;
    private final Translator<I, O> translator;
    private final TrtEngine engine;
    private final IExecutionContext context;
    private final CudaBuffers buffers;
    private final ItemShapes shapes;
    private final boolean dynamicShape;
    private final int batchCapacity;
    private final Pointer hostInput;
    private final Pointer deviceInput;
    private final BatchInput batchInput;
    private final Map<String, Pointer> hostOutputs = new LinkedHashMap<>();
    private final Map<String, Pointer> deviceOutputs = new LinkedHashMap<>();
    private final List<ItemOutputs> items = new ArrayList<>();
    private final boolean[] checkedBatch;
    private int boundBatch = -1;
    private long runs;
    private boolean closed;

    /**
     * Takes ownership of {@code engine} (closed here if construction fails).
     *
     * @param dynamicShape whether the engine's input has dynamic dimensions (set per batch)
     * @param dynamicBatch whether its batch dimension is one of them
     * @param batchCapacity the model's fixed batch, or the profile's maximum
     */
    TrtPredictor(
            String modelId,
            TrtEngine engine,
            Translator<I, O> translator,
            ItemShapes shapes,
            boolean dynamicShape,
            boolean dynamicBatch,
            int batchCapacity) {
        this.modelId = modelId;
        this.engine = engine;
        this.translator = translator;
        this.shapes = shapes;
        this.dynamicShape = dynamicShape;
        this.batchCapacity = batchCapacity;
        this.checkedBatch = new boolean[batchCapacity + 1];
        try {
            engine.checkTensors(translator.inputName(), translator.outputNames());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        IExecutionContext createdContext = null;
        CudaBuffers createdBuffers = null;
        try {
            createdContext = engine.createContext();
            createdBuffers = new CudaBuffers(modelId);
        } catch (RuntimeException e) {
            if (createdContext != null) {
                createdContext.close();
            }
            engine.close();
            throw e;
        }
        this.context = createdContext;
        this.buffers = createdBuffers;
        try {
            bindShape(batchCapacity);
            int itemSize = shapes.inputSize();
            long inputBytes = (long) batchCapacity * itemSize * Float.BYTES;
            this.hostInput = buffers.pinned(inputBytes);
            this.deviceInput = buffers.device(inputBytes);
            bind(translator.inputName(), deviceInput);
            this.batchInput =
                    new BatchInput(
                            CudaBuffers.floats(hostInput, (long) batchCapacity * itemSize),
                            itemSize,
                            batchCapacity,
                            !dynamicBatch);
            allocateOutputs();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Device buffers for every output at the largest batch (TensorRT needs an address for each),
     * pinned host buffers and per-item views for those the translator reads.
     */
    private void allocateOutputs() {
        List<Map<String, FloatBuffer>> perItem = new ArrayList<>();
        for (int i = 0; i < batchCapacity; i++) {
            perItem.add(new HashMap<>());
        }
        for (String name : engine.outputs()) {
            long[] shape = TrtEngine.shape(context.getTensorShape(name));
            long elements = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            if (Arrays.stream(shape).anyMatch(d -> d < 0)) {
                throw new InferenceException(
                        "model "
                                + modelId
                                + ": output '"
                                + name
                                + "' has data-dependent shape "
                                + Arrays.toString(shape)
                                + ", which the TensorRT backend does not support");
            }
            Pointer device = buffers.device(elements * engine.elementBytes(name));
            deviceOutputs.put(name, device);
            bind(name, device);
            if (shapes.outputs().containsKey(name)) {
                checkOutputShape(name, shape, batchCapacity);
                int itemSize = shapes.outputSize(name);
                Pointer host = buffers.pinned((long) batchCapacity * itemSize * Float.BYTES);
                hostOutputs.put(name, host);
                FloatBuffer all = CudaBuffers.floats(host, (long) batchCapacity * itemSize);
                for (int i = 0; i < batchCapacity; i++) {
                    perItem.get(i).put(name, all.slice(i * itemSize, itemSize));
                }
            }
        }
        for (Map<String, FloatBuffer> views : perItem) {
            items.add(views::get);
        }
        checkedBatch[batchCapacity] = true;
    }

    private void checkOutputShape(String name, long[] shape, int batch) {
        long[] item = shapes.outputs().get(name);
        long[] expected = new long[item.length + 1];
        expected[0] = batch;
        System.arraycopy(item, 0, expected, 1, item.length);
        if (!Arrays.equals(shape, expected)) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + ": TensorRT gives output '"
                            + name
                            + "' the shape "
                            + Arrays.toString(shape)
                            + " for a batch of "
                            + batch
                            + " but the translator expects "
                            + Arrays.toString(expected));
        }
    }

    private void bind(String tensor, Pointer address) {
        if (!context.setTensorAddress(tensor, address)) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + ": TensorRT refused the buffer of tensor '"
                            + tensor
                            + "'");
        }
    }

    /** Sets the input shape for a batch (dynamic engines only), checking outputs once per size. */
    private void bindShape(int batch) {
        if (!dynamicShape || batch == boundBatch) {
            return;
        }
        long[] itemInputShape = shapes.input();
        long[] shape = new long[itemInputShape.length + 1];
        shape[0] = batch;
        System.arraycopy(itemInputShape, 0, shape, 1, itemInputShape.length);
        try (Dims64 dims = TrtEngineBuilder.dims(Arrays.stream(shape).boxed().toList())) {
            if (!context.setInputShape(translator.inputName(), dims)) {
                throw new InferenceException(
                        "model "
                                + modelId
                                + ": TensorRT refused input shape "
                                + Arrays.toString(shape)
                                + " for '"
                                + translator.inputName()
                                + "'");
            }
        }
        boundBatch = batch;
        if (!checkedBatch[batch] && !hostOutputs.isEmpty()) {
            for (String name : hostOutputs.keySet()) {
                checkOutputShape(name, TrtEngine.shape(context.getTensorShape(name)), batch);
            }
            checkedBatch[batch] = true;
        }
    }

    @Override
    public List<O> predict(List<I> inputs) {
        if (closed) {
            throw new IllegalStateException("predictor for " + modelId + " is closed");
        }
        return batchInput.inChunks(inputs, this::runChunk);
    }

    private void runChunk(List<I> chunk, List<O> results) {
        int batch = batchInput.fill(translator, chunk);
        bindShape(batch);
        long inputBytes = (long) batch * shapes.inputSize() * Float.BYTES;
        buffers.check(
                cudaMemcpyAsync(
                        deviceInput,
                        hostInput,
                        inputBytes,
                        cudaMemcpyHostToDevice,
                        buffers.stream()),
                "copying the input of a batch of " + batch + " to the GPU");
        try (TrtLogger.ErrorCapture errors = TrtLogger.get().captureErrors()) {
            if (!context.enqueueV3(buffers.stream())) {
                throw new InferenceException(
                        "failed to run model "
                                + modelId
                                + " on a batch of "
                                + batch
                                + ": "
                                + errors.summary());
            }
        }
        for (Map.Entry<String, Pointer> output : hostOutputs.entrySet()) {
            long bytes = (long) batch * shapes.outputSize(output.getKey()) * Float.BYTES;
            buffers.check(
                    cudaMemcpyAsync(
                            output.getValue(),
                            deviceOutputs.get(output.getKey()),
                            bytes,
                            cudaMemcpyDeviceToHost,
                            buffers.stream()),
                    "copying output '" + output.getKey() + "' from the GPU");
        }
        buffers.synchronize();
        runs++;
        for (int i = 0; i < chunk.size(); i++) {
            results.add(translator.postprocess(chunk.get(i), items.get(i)));
        }
    }

    /** Engine runs so far. */
    public long runs() {
        return runs;
    }

    /** Items per run: the model's fixed batch size, or the profile's maximum. */
    public int batchCapacity() {
        return batchCapacity;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // The stream must be idle before the context that queued work on it goes away.
            buffers.synchronize();
        } finally {
            try {
                context.close();
            } finally {
                try {
                    engine.close();
                } finally {
                    buffers.close();
                }
            }
        }
    }
}
