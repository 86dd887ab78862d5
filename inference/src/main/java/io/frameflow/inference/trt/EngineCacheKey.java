package io.frameflow.inference.trt;

import io.frameflow.inference.fetch.Sha256;
import io.frameflow.inference.runtime.Precision;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything a serialized TensorRT engine depends on. An engine is only valid for the exact model
 * file, TensorRT version, GPU model, precision and optimisation profile it was built with, so the
 * engine cache stores one entry per key and compares the whole key before loading one.
 *
 * @param modelSha256 the ONNX file's sha256
 * @param tensorRtVersion the libnvinfer version, e.g. {@code 10.15.1}
 * @param gpuName the GPU's name, e.g. {@code NVIDIA H200}
 * @param computeCapability e.g. {@code 9.0}
 * @param precision the precision asked for
 * @param input the input tensor the profile is for
 * @param minShape the profile's smallest input shape (batch first)
 * @param optShape the shape TensorRT tunes for
 * @param maxShape the largest input shape
 */
public record EngineCacheKey(
        String modelSha256,
        String tensorRtVersion,
        String gpuName,
        String computeCapability,
        Precision precision,
        String input,
        List<Long> minShape,
        List<Long> optShape,
        List<Long> maxShape) {

    /** Changes when the cache's layout or the meaning of a key changes. */
    static final int FORMAT = 1;

    public EngineCacheKey {
        Objects.requireNonNull(modelSha256, "modelSha256");
        Objects.requireNonNull(tensorRtVersion, "tensorRtVersion");
        Objects.requireNonNull(gpuName, "gpuName");
        Objects.requireNonNull(computeCapability, "computeCapability");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(input, "input");
        minShape = List.copyOf(minShape);
        optShape = List.copyOf(optShape);
        maxShape = List.copyOf(maxShape);
    }

    /** The key for a model on a platform, with the profile batch 1..maxBatch of one item shape. */
    static EngineCacheKey of(
            String modelSha256,
            TrtPlatform platform,
            Precision precision,
            String input,
            long[] minShape,
            long[] optShape,
            long[] maxShape) {
        return new EngineCacheKey(
                modelSha256,
                platform.tensorRtVersion(),
                platform.gpuName(),
                platform.computeCapability(),
                precision,
                input,
                boxed(minShape),
                boxed(optShape),
                boxed(maxShape));
    }

    private static List<Long> boxed(long[] shape) {
        return Arrays.stream(shape).boxed().toList();
    }

    /** One {@code name=value} line per part, in a fixed order: what the file name hashes. */
    public String canonical() {
        return "format="
                + FORMAT
                + "\nmodel-sha256="
                + modelSha256
                + "\ntensorrt="
                + tensorRtVersion
                + "\ngpu="
                + gpuName
                + "\ncompute-capability="
                + computeCapability
                + "\nprecision="
                + precision.id()
                + "\nprofile-input="
                + input
                + "\nprofile-min="
                + dims(minShape)
                + "\nprofile-opt="
                + dims(optShape)
                + "\nprofile-max="
                + dims(maxShape)
                + "\n";
    }

    private static String dims(List<Long> shape) {
        return shape.stream().map(String::valueOf).collect(Collectors.joining("x"));
    }

    /**
     * The cache entry's directory name: a hash of {@link #canonical()}, so that equal keys share an
     * entry and a change of any part gives another one.
     */
    public String fileName() {
        String hash = Sha256.of(canonical().getBytes(StandardCharsets.UTF_8));
        return "engine-" + hash.substring(0, 32);
    }
}
