package io.frameflow.inference.trt;

import io.frameflow.inference.api.InferenceException;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.BytePointer;

/** Turns CUDA runtime status codes into exceptions that name the call and the error. */
final class CudaCheck {
    private CudaCheck() {}

    /**
     * @throws InferenceException naming {@code what} and CUDA's error text unless status is 0
     */
    static void check(int status, String what) {
        if (status != 0) {
            throw new InferenceException(what + " failed: " + describe(status));
        }
    }

    /** CUDA's name for an error code, e.g. {@code out of memory (2)}. */
    static String describe(int status) {
        BytePointer text = cudart.cudaGetErrorString(status);
        return (text == null ? "CUDA error" : text.getString()) + " (" + status + ")";
    }
}
