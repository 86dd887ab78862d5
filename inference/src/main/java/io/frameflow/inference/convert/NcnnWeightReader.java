package io.frameflow.inference.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an ncnn {@code .bin} weight file in layer order. Convolution weights start with a 4-byte
 * storage tag (fp16 data padded to 4 bytes, or plain fp32); biases and PReLU slopes are untagged
 * fp32. {@link #checkFullyConsumed()} proves that the layout was understood: every byte must have
 * been read, no more.
 */
final class NcnnWeightReader {
    static final int FP16_TAG = 0x01306B47;
    static final int INT8_TAG = 0x000D4B38;
    static final int FP32_SCALED_TAG = 0x0002C056;

    private final Path file;
    private final ByteBuffer data;

    NcnnWeightReader(Path file) throws IOException {
        this.file = file;
        this.data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code count} values preceded by a storage tag, for {@code layer}'s {@code what}. */
    float[] tagged(int count, NcnnLayer layer, String what) {
        need(4, layer, what + " storage tag");
        int tag = data.getInt();
        if (tag == FP16_TAG) {
            need(2L * count, layer, what);
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = HalfFloat.toFloat(data.getShort());
            }
            int padding = (4 - (2 * count) % 4) % 4;
            need(padding, layer, what + " alignment padding");
            data.position(data.position() + padding);
            return values;
        }
        if (tag == 0 || tag == FP32_SCALED_TAG) {
            return raw(count, layer, what);
        }
        throw layer.problem(
                what
                        + " at byte "
                        + (data.position() - 4)
                        + " of "
                        + file.getFileName()
                        + " has storage tag 0x"
                        + Integer.toHexString(tag)
                        + (tag == INT8_TAG ? " (int8)" : " (quantized table)")
                        + "; only fp16 and fp32 weights are supported");
    }

    /** {@code count} untagged fp32 values. */
    float[] raw(int count, NcnnLayer layer, String what) {
        need(4L * count, layer, what);
        float[] values = new float[count];
        data.asFloatBuffer().get(values);
        data.position(data.position() + 4 * count);
        return values;
    }

    private void need(long bytes, NcnnLayer layer, String what) {
        if (data.remaining() < bytes) {
            throw layer.problem(
                    file.getFileName()
                            + " ends at byte "
                            + data.limit()
                            + " but "
                            + what
                            + " needs "
                            + bytes
                            + " bytes from byte "
                            + data.position());
        }
    }

    /** Fails unless every byte of the file was read. */
    void checkFullyConsumed() {
        if (data.hasRemaining()) {
            throw new ModelConversionException(
                    file.getFileName()
                            + " has "
                            + data.remaining()
                            + " bytes after the last weight the .param file accounts for (read "
                            + data.position()
                            + " of "
                            + data.limit()
                            + "): the weights do not match the model");
        }
    }
}
