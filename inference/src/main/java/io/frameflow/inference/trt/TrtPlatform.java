package io.frameflow.inference.trt;

/**
 * The TensorRT library and the GPU that engines are built for on this machine: the parts of an
 * engine cache key that do not come from the model.
 *
 * @param tensorRtVersion the loaded libnvinfer's version, e.g. {@code 10.15.1}
 * @param device the CUDA device engines run on
 * @param gpuName the device's name, e.g. {@code NVIDIA H200}
 * @param computeMajor compute capability, major part
 * @param computeMinor compute capability, minor part
 */
public record TrtPlatform(
        String tensorRtVersion, int device, String gpuName, int computeMajor, int computeMinor) {

    /** Compute capability as {@code major.minor}, e.g. {@code 9.0}. */
    public String computeCapability() {
        return computeMajor + "." + computeMinor;
    }

    /** For log lines, e.g. {@code TensorRT 10.15.1 on NVIDIA H200 (compute 9.0)}. */
    public String describe() {
        return "TensorRT "
                + tensorRtVersion
                + " on "
                + gpuName
                + " (compute "
                + computeCapability()
                + ")";
    }
}
