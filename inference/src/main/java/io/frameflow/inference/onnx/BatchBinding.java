package io.frameflow.inference.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.frameflow.inference.runtime.ItemOutputs;
import io.frameflow.inference.runtime.ModelSignature;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native tensors for one batch size, created once and reused by every run of that size: the
 * input tensor wraps a slice of the predictor's direct input buffer, and the outputs are pinned
 * tensors over direct buffers that ONNX Runtime writes into, so a run allocates no tensor memory.
 */
final class BatchBinding implements AutoCloseable {
    final Map<String, OnnxTensor> inputs;
    final Map<String, OnnxTensor> pinnedOutputs;
    private final List<ItemOutputs> items;

    private BatchBinding(
            Map<String, OnnxTensor> inputs,
            Map<String, OnnxTensor> pinnedOutputs,
            List<ItemOutputs> items) {
        this.inputs = inputs;
        this.pinnedOutputs = pinnedOutputs;
        this.items = items;
    }

    /**
     * @param inputBuffer the predictor's input buffer; the first {@code batchSize} items are bound
     * @param outputShapes per-item shape of each output to bind
     */
    static BatchBinding create(
            OrtEnvironment env,
            String inputName,
            FloatBuffer inputBuffer,
            long[] itemInputShape,
            Map<String, long[]> outputShapes,
            int batchSize)
            throws OrtException {
        Map<String, OnnxTensor> pinned = new LinkedHashMap<>();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            int itemSize = ModelSignature.elementCount(itemInputShape);
            FloatBuffer bound = inputBuffer.slice(0, batchSize * itemSize);
            inputs.put(
                    inputName,
                    OnnxTensor.createTensor(env, bound, batchShape(batchSize, itemInputShape)));
            List<Map<String, FloatBuffer>> perItem = new ArrayList<>();
            for (int i = 0; i < batchSize; i++) {
                perItem.add(new HashMap<>());
            }
            for (Map.Entry<String, long[]> output : outputShapes.entrySet()) {
                int outputSize = ModelSignature.elementCount(output.getValue());
                FloatBuffer buffer = directFloats(batchSize * outputSize);
                pinned.put(
                        output.getKey(),
                        OnnxTensor.createTensor(
                                env, buffer, batchShape(batchSize, output.getValue())));
                for (int i = 0; i < batchSize; i++) {
                    perItem.get(i).put(output.getKey(), buffer.slice(i * outputSize, outputSize));
                }
            }
            List<ItemOutputs> items = new ArrayList<>();
            for (Map<String, FloatBuffer> views : perItem) {
                items.add(name -> views.get(name));
            }
            return new BatchBinding(inputs, pinned, items);
        } catch (OrtException | RuntimeException e) {
            inputs.values().forEach(OnnxTensor::close);
            pinned.values().forEach(OnnxTensor::close);
            throw e;
        }
    }

    /** A direct buffer in native order, which ORT uses in place instead of copying. */
    static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(count, Float.BYTES))
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    private static long[] batchShape(int batchSize, long[] itemShape) {
        long[] shape = new long[itemShape.length + 1];
        shape[0] = batchSize;
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        return shape;
    }

    ItemOutputs item(int index) {
        return items.get(index);
    }

    @Override
    public void close() {
        inputs.values().forEach(OnnxTensor::close);
        pinnedOutputs.values().forEach(OnnxTensor::close);
    }
}
