package io.frameflow.inference.trt;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.runtime.ItemShapes;
import io.frameflow.inference.runtime.ModelSignature;
import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.inference.runtime.Translator;
import java.nio.file.Path;

/**
 * Loads an ONNX model on TensorRT: reads its declared shapes, lets the translator check them and
 * fix dynamic dimensions, derives the engine cache key (batch 1..max with the translator's item
 * shape), takes the engine from the cache or builds it, and creates the predictor.
 */
public final class TrtModelLoader {
    private TrtModelLoader() {}

    /**
     * @param onnxFile the model, already verified against its recorded sha256
     * @param modelSha256 that digest (part of the engine cache key)
     * @throws InferenceException naming the model if it does not fit the translator, TensorRT
     *     cannot parse or build it, or CUDA fails
     */
    public static <I, O> TrtPredictor<I, O> load(
            String modelId,
            Path onnxFile,
            String modelSha256,
            RuntimeOptions options,
            Translator<I, O> translator,
            TrtPlatform platform,
            EngineCache cache) {
        OnnxModelShapes shapes = OnnxModelShapes.read(modelId, onnxFile);
        String input = translator.inputName();
        shapes.checkInput(input);
        ModelSignature signature = shapes.signature();
        ItemShapes itemShapes = ItemShapes.resolve(modelId, translator, signature);
        long[] itemInput = itemShapes.input();
        int modelBatch = shapes.inputBatch(input);
        boolean dynamicBatch = modelBatch < 0;
        int capacity = dynamicBatch ? options.maxBatchSize() : modelBatch;
        EngineCacheKey key =
                EngineCacheKey.of(
                        modelSha256,
                        platform,
                        options.precision(),
                        input,
                        batchShape(dynamicBatch ? 1 : capacity, itemInput),
                        batchShape(capacity, itemInput),
                        batchShape(capacity, itemInput));
        boolean dynamicInput = shapes.hasDynamicInput(input);
        CachedEngine cached =
                cache.getOrBuild(
                        modelId,
                        key,
                        () -> TrtEngineBuilder.build(modelId, onnxFile, key, dynamicInput));
        TrtEngine engine = TrtEngine.deserialize(modelId, cached.bytes());
        return new TrtPredictor<>(
                modelId, engine, translator, itemShapes, dynamicInput, dynamicBatch, capacity);
    }

    private static long[] batchShape(int batch, long[] item) {
        long[] shape = new long[item.length + 1];
        shape[0] = batch;
        System.arraycopy(item, 0, shape, 1, item.length);
        return shape;
    }
}
