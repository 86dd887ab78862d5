package io.frameflow.inference.trt;

import static org.bytedeco.cuda.global.cudart.cudaGetDevice;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceProperties;

import org.bytedeco.cuda.cudart.cudaDeviceProp;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.tensorrt.global.nvinfer;
import org.bytedeco.tensorrt.global.nvonnxparser;

/**
 * The native part of the availability probe, in the order in which things are missing on real
 * machines: the CUDA runtime (needs the driver's libcuda.so.1), a CUDA device, then libnvinfer and
 * the ONNX parser. Each step that fails says which library or call failed.
 */
final class TrtNativeProbe {
    /** The TensorRT major version the JavaCPP presets are compiled against. */
    static final int TENSORRT_MAJOR = 10;

    private TrtNativeProbe() {}

    static TrtAvailability run() {
        try {
            Loader.load(cudart.class);
        } catch (Throwable t) {
            return TrtAvailability.unavailable(
                    "CUDA runtime cannot be loaded: " + TrtAvailability.rootMessage(t));
        }
        int[] count = {0};
        int status = cudaGetDeviceCount(count);
        if (status != 0) {
            return TrtAvailability.unavailable(
                    "CUDA device query failed: " + CudaCheck.describe(status));
        }
        if (count[0] == 0) {
            return TrtAvailability.unavailable("CUDA device count 0");
        }
        try {
            Loader.load(nvinfer.class);
        } catch (Throwable t) {
            return TrtAvailability.unavailable(
                    "libnvinfer.so.10 not found: " + TrtAvailability.rootMessage(t));
        }
        try {
            Loader.load(nvonnxparser.class);
        } catch (Throwable t) {
            return TrtAvailability.unavailable(
                    "libnvonnxparser.so.10 not found: " + TrtAvailability.rootMessage(t));
        }
        int version = nvinfer.getInferLibVersion();
        String versionText = versionText(version);
        if (version / 10000 != TENSORRT_MAJOR) {
            return TrtAvailability.unavailable(
                    "libnvinfer is TensorRT "
                            + versionText
                            + "; FrameFlow needs TensorRT "
                            + TENSORRT_MAJOR
                            + ".x");
        }
        int[] device = {0};
        CudaCheck.check(cudaGetDevice(device), "cudaGetDevice");
        try (cudaDeviceProp props = new cudaDeviceProp()) {
            CudaCheck.check(cudaGetDeviceProperties(props, device[0]), "cudaGetDeviceProperties");
            return TrtAvailability.available(
                    new TrtPlatform(
                            versionText,
                            device[0],
                            props.name().getString().strip(),
                            props.major(),
                            props.minor()));
        }
    }

    /** TensorRT 10 encodes its version as major * 10000 + minor * 100 + patch. */
    static String versionText(int version) {
        return (version / 10000) + "." + (version / 100 % 100) + "." + (version % 100);
    }
}
