package io.frameflow.inference.trt;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaFreeHost;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMallocHost;
import static org.bytedeco.cuda.global.cudart.cudaStreamCreate;
import static org.bytedeco.cuda.global.cudart.cudaStreamDestroy;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;

import io.frameflow.inference.api.InferenceException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The CUDA memory and stream of one predictor: allocated once when it is created, reused by every
 * batch, and freed by {@link #close()} (after the stream has finished), in reverse order.
 */
final class CudaBuffers implements AutoCloseable {
    private final String modelId;
    private final CUstream_st stream = new CUstream_st();
    private final List<Pointer> device = new ArrayList<>();
    private final List<Pointer> pinned = new ArrayList<>();
    private boolean streamCreated;
    private boolean closed;

    CudaBuffers(String modelId) {
        this.modelId = modelId;
        check(cudaStreamCreate(stream), "cudaStreamCreate");
        streamCreated = true;
    }

    CUstream_st stream() {
        return stream;
    }

    /** Device memory of {@code bytes} bytes. */
    Pointer device(long bytes) {
        Pointer memory = new Pointer();
        check(cudaMalloc(memory, Math.max(bytes, 1)), "cudaMalloc of " + bytes + " bytes");
        device.add(memory);
        return memory;
    }

    /** Page-locked host memory of {@code bytes} bytes, so that copies can be asynchronous. */
    Pointer pinned(long bytes) {
        Pointer memory = new Pointer();
        check(cudaMallocHost(memory, Math.max(bytes, 1)), "cudaMallocHost of " + bytes + " bytes");
        pinned.add(memory);
        return memory;
    }

    /** A Java view of {@code floats} floats of pinned host memory. */
    static FloatBuffer floats(Pointer host, long floats) {
        long bytes = floats * Float.BYTES;
        return new BytePointer(host)
                .capacity(bytes)
                .limit(bytes)
                .asByteBuffer()
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /** Waits until everything queued on the stream has run. */
    void synchronize() {
        check(cudaStreamSynchronize(stream), "cudaStreamSynchronize");
    }

    void check(int status, String what) {
        if (status != 0) {
            throw new InferenceException(
                    "model " + modelId + ": " + what + " failed: " + CudaCheck.describe(status));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Free what can be freed even if one call fails, and report the first failure.
        int failure = 0;
        if (streamCreated) {
            failure = first(failure, cudaStreamSynchronize(stream));
        }
        for (int i = pinned.size() - 1; i >= 0; i--) {
            failure = first(failure, cudaFreeHost(pinned.get(i)));
        }
        for (int i = device.size() - 1; i >= 0; i--) {
            failure = first(failure, cudaFree(device.get(i)));
        }
        if (streamCreated) {
            failure = first(failure, cudaStreamDestroy(stream));
        }
        pinned.clear();
        device.clear();
        check(failure, "freeing CUDA memory");
    }

    private static int first(int failure, int status) {
        return failure != 0 ? failure : status;
    }
}
