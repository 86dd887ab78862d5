package io.frameflow.inference.trt;

import static org.bytedeco.tensorrt.global.nvinfer.createInferBuilder;
import static org.bytedeco.tensorrt.global.nvonnxparser.createParser;

import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.runtime.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorrt.global.nvinfer.BuilderFlag;
import org.bytedeco.tensorrt.global.nvinfer.MemoryPoolType;
import org.bytedeco.tensorrt.global.nvinfer.OptProfileSelector;
import org.bytedeco.tensorrt.nvinfer.Dims64;
import org.bytedeco.tensorrt.nvinfer.IBuilder;
import org.bytedeco.tensorrt.nvinfer.IBuilderConfig;
import org.bytedeco.tensorrt.nvinfer.IHostMemory;
import org.bytedeco.tensorrt.nvinfer.ILogger;
import org.bytedeco.tensorrt.nvinfer.INetworkDefinition;
import org.bytedeco.tensorrt.nvinfer.IOptimizationProfile;
import org.bytedeco.tensorrt.nvonnxparser.IParser;
import org.bytedeco.tensorrt.nvonnxparser.IParserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a serialized TensorRT engine from an ONNX file: an explicit-batch network filled by the
 * ONNX parser, one optimisation profile (the key's min/opt/max input shapes) where the input has
 * dynamic dimensions, and FP16 kernels where the key asks for them and the GPU has fast FP16. Every
 * native object is freed before it returns.
 */
final class TrtEngineBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(TrtEngineBuilder.class);

    /** Scratch memory TensorRT may use while choosing kernels: 1 GiB. */
    private static final long WORKSPACE_BYTES = 1L << 30;

    private TrtEngineBuilder() {}

    /**
     * @param dynamicInput whether the input has dynamic dimensions (then the profile is added)
     * @throws InferenceException naming the model with the parser's or builder's errors
     */
    static byte[] build(String modelId, Path onnxFile, EngineCacheKey key, boolean dynamicInput) {
        TrtLogger logger = TrtLogger.get();
        long started = System.nanoTime();
        try (TrtLogger.ErrorCapture errors = logger.captureErrors();
                IBuilder builder = created(createInferBuilder(logger), "builder", modelId, errors);
                INetworkDefinition network =
                        created(builder.createNetworkV2(0), "network", modelId, errors);
                IParser parser =
                        created(createParser(network, logger), "ONNX parser", modelId, errors);
                IBuilderConfig config =
                        created(builder.createBuilderConfig(), "builder config", modelId, errors)) {
            if (!parser.parseFromFile(onnxFile.toString(), ILogger.Severity.kWARNING.value)) {
                throw new InferenceException(
                        "model "
                                + modelId
                                + ": TensorRT's ONNX parser rejected "
                                + onnxFile
                                + ": "
                                + parserErrors(parser));
            }
            config.setMemoryPoolLimit(MemoryPoolType.kWORKSPACE, WORKSPACE_BYTES);
            if (key.precision() == Precision.FP16) {
                if (builder.platformHasFastFp16()) {
                    config.setFlag(BuilderFlag.kFP16);
                } else {
                    LOG.warn(
                            "model {}: {} has no fast FP16; building an FP32 engine",
                            modelId,
                            key.gpuName());
                }
            }
            if (dynamicInput) {
                addProfile(modelId, builder, config, key);
            }
            try (IHostMemory serialized = builder.buildSerializedNetwork(network, config)) {
                if (serialized == null || serialized.isNull() || serialized.size() == 0) {
                    throw new InferenceException(
                            "model "
                                    + modelId
                                    + ": TensorRT could not build an engine from "
                                    + onnxFile
                                    + ": "
                                    + errors.summary());
                }
                byte[] bytes = new byte[Math.toIntExact(serialized.size())];
                new BytePointer(serialized.data()).capacity(bytes.length).get(bytes);
                LOG.info(
                        "model {}: TensorRT engine built in {} s ({} bytes)",
                        modelId,
                        String.format("%.1f", (System.nanoTime() - started) / 1e9),
                        bytes.length);
                return bytes;
            }
        }
    }

    /** Fails with TensorRT's errors if a factory returned null. */
    private static <T extends Pointer> T created(
            T object, String what, String modelId, TrtLogger.ErrorCapture errors) {
        if (object == null || object.isNull()) {
            throw new InferenceException(
                    "model "
                            + modelId
                            + ": TensorRT could not create its "
                            + what
                            + ": "
                            + errors.summary());
        }
        return object;
    }

    private static void addProfile(
            String modelId, IBuilder builder, IBuilderConfig config, EngineCacheKey key) {
        IOptimizationProfile profile = builder.createOptimizationProfile();
        try (Dims64 min = dims(key.minShape());
                Dims64 opt = dims(key.optShape());
                Dims64 max = dims(key.maxShape())) {
            boolean ok =
                    profile.setDimensions(key.input(), OptProfileSelector.kMIN, min)
                            && profile.setDimensions(key.input(), OptProfileSelector.kOPT, opt)
                            && profile.setDimensions(key.input(), OptProfileSelector.kMAX, max);
            if (!ok || config.addOptimizationProfile(profile) < 0) {
                throw new InferenceException(
                        "model "
                                + modelId
                                + ": TensorRT rejected the optimisation profile for input '"
                                + key.input()
                                + "' (min "
                                + key.minShape()
                                + ", opt "
                                + key.optShape()
                                + ", max "
                                + key.maxShape()
                                + ")");
            }
        }
    }

    /** A TensorRT shape; the caller closes it. */
    static Dims64 dims(List<Long> shape) {
        Dims64 dims = new Dims64();
        dims.nbDims(shape.size());
        for (int i = 0; i < shape.size(); i++) {
            dims.d(i, shape.get(i));
        }
        return dims;
    }

    private static String parserErrors(IParser parser) {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < parser.getNbErrors(); i++) {
            IParserError error = parser.getError(i);
            String node = error.nodeName();
            String op = error.nodeOperator();
            messages.add(
                    (node == null || node.isEmpty()
                                    ? ""
                                    : "node '"
                                            + node
                                            + "'"
                                            + (op == null ? "" : " (" + op + ")")
                                            + ": ")
                            + error.desc());
        }
        return messages.isEmpty() ? "no parser error reported" : String.join("; ", messages);
    }
}
