package io.frameflow.inference.convert;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/** Element-wise binary arithmetic on {@link ConstTensor}s with NumPy (and TF) broadcasting. */
final class BroadcastArithmetic {

    /** An element-wise binary operation, with its float and integer forms. */
    enum BinaryOp {
        ADD((a, b) -> a + b, Long::sum),
        SUB((a, b) -> a - b, (a, b) -> a - b),
        MUL((a, b) -> a * b, (a, b) -> a * b),
        DIV((a, b) -> a / b, BroadcastArithmetic::integerDivision),
        MAX(Math::max, Math::max),
        MIN(Math::min, Math::min);

        private final DoubleBinaryOperator onFloats;
        private final LongBinaryOperator onLongs;

        BinaryOp(DoubleBinaryOperator onFloats, LongBinaryOperator onLongs) {
            this.onFloats = onFloats;
            this.onLongs = onLongs;
        }
    }

    private BroadcastArithmetic() {}

    /** Element-wise {@code a op b} with NumPy broadcasting; the result has {@code a}'s type. */
    static ConstTensor binary(ConstTensor a, ConstTensor b, BinaryOp op) {
        if (a.type().isFloat() != b.type().isFloat()) {
            throw new IllegalArgumentException("operand types differ: " + a + " and " + b);
        }
        long[] outShape = broadcastShape(a.shape(), b.shape());
        int[] indexA = broadcastIndex(a.shape(), outShape);
        int[] indexB = broadcastIndex(b.shape(), outShape);
        if (a.type().isFloat()) {
            float[] out = new float[indexA.length];
            for (int i = 0; i < out.length; i++) {
                out[i] =
                        (float)
                                op.onFloats.applyAsDouble(
                                        a.floats()[indexA[i]], b.floats()[indexB[i]]);
            }
            return ConstTensor.ofFloats(outShape, out);
        }
        long[] out = new long[indexA.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = op.onLongs.applyAsLong(a.longs()[indexA[i]], b.longs()[indexB[i]]);
        }
        return ConstTensor.ofLongs(a.type(), outShape, out);
    }

    static long[] broadcastShape(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(
                        "shapes "
                                + Arrays.toString(a)
                                + " and "
                                + Arrays.toString(b)
                                + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** For each element of {@code outShape}, the flat index of the element of {@code shape}. */
    private static int[] broadcastIndex(long[] shape, long[] outShape) {
        int rank = outShape.length;
        long[] aligned = new long[rank];
        Arrays.fill(aligned, 1);
        System.arraycopy(shape, 0, aligned, rank - shape.length, shape.length);
        long[] stride = ConstTensorOps.strides(aligned);
        for (int axis = 0; axis < rank; axis++) {
            if (aligned[axis] == 1) {
                stride[axis] = 0;
            }
        }
        int[] index = new int[ConstTensor.elementCount(outShape)];
        long[] counter = new long[rank];
        long offset = 0;
        for (int i = 0; i < index.length; i++) {
            index[i] = (int) offset;
            for (int axis = rank - 1; axis >= 0; axis--) {
                counter[axis]++;
                offset += stride[axis];
                if (counter[axis] < outShape[axis]) {
                    break;
                }
                offset -= stride[axis] * counter[axis];
                counter[axis] = 0;
            }
        }
        return index;
    }

    private static long integerDivision(long a, long b) {
        if (b == 0) {
            throw new IllegalArgumentException("integer division by zero");
        }
        return Math.floorDiv(a, b);
    }
}
