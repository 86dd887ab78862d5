package io.frameflow.inference.convert;

import java.util.Arrays;

/**
 * A tensor whose value is known at conversion time: a weight, or the result of folding ops whose
 * inputs are all known. Floats are kept as {@code float[]}; every integer type and bool as {@code
 * long[]}, so that folding code needs one path per kind, not per type.
 */
final class ConstTensor {
    private final TensorType type;
    private final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private ConstTensor(TensorType type, long[] shape, float[] floats, long[] longs) {
        int size = elementCount(shape);
        int length = floats != null ? floats.length : longs.length;
        if (length != size) {
            throw new IllegalArgumentException(
                    "tensor of shape "
                            + Arrays.toString(shape)
                            + " needs "
                            + size
                            + " values, got "
                            + length);
        }
        this.type = type;
        this.shape = shape.clone();
        this.floats = floats;
        this.longs = longs;
    }

    static ConstTensor ofFloats(long[] shape, float[] values) {
        return new ConstTensor(TensorType.FLOAT, shape, values, null);
    }

    static ConstTensor ofLongs(TensorType type, long[] shape, long[] values) {
        if (type.isFloat()) {
            throw new IllegalArgumentException("integer values given for a float tensor");
        }
        return new ConstTensor(type, shape, null, values);
    }

    static ConstTensor scalar(float value) {
        return ofFloats(new long[0], new float[] {value});
    }

    static ConstTensor vector(TensorType type, long... values) {
        return ofLongs(type, new long[] {values.length}, values);
    }

    /** A tensor of the given type and shape filled with {@code value}. */
    static ConstTensor filled(TensorType type, long[] shape, double value) {
        int size = elementCount(shape);
        if (type.isFloat()) {
            float[] data = new float[size];
            Arrays.fill(data, (float) value);
            return ofFloats(shape, data);
        }
        long[] data = new long[size];
        Arrays.fill(data, (long) value);
        return ofLongs(type, shape, data);
    }

    static int elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            count *= dim;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(shape) + " has more than 2^31 elements");
            }
        }
        return (int) count;
    }

    TensorType type() {
        return type;
    }

    long[] shape() {
        return shape.clone();
    }

    long dim(int axis) {
        return shape[axis];
    }

    int rank() {
        return shape.length;
    }

    int size() {
        return floats != null ? floats.length : longs.length;
    }

    /** The values as floats; the array is shared, never modify it. */
    float[] floats() {
        if (floats == null) {
            throw new IllegalArgumentException("expected a float tensor, got " + type);
        }
        return floats;
    }

    /** The values of an integer or bool tensor; the array is shared, never modify it. */
    long[] longs() {
        if (longs == null) {
            throw new IllegalArgumentException("expected an integer tensor, got " + type);
        }
        return longs;
    }

    double valueAt(int index) {
        return floats != null ? floats[index] : longs[index];
    }

    /** The single value of a tensor with exactly one element, as an integer. */
    long scalarLong() {
        if (size() != 1) {
            throw new IllegalArgumentException(
                    "expected a single value, got shape " + Arrays.toString(shape));
        }
        return longs()[0];
    }

    ConstTensor reshaped(long[] newShape) {
        return new ConstTensor(type, newShape, floats, longs);
    }

    /** The same integer values under another integer type (TF.js stores int64 weights as int32). */
    ConstTensor retyped(TensorType newType) {
        if (newType == type) {
            return this;
        }
        if (newType.isFloat() || type.isFloat()) {
            throw new IllegalArgumentException(
                    "cannot reinterpret " + type + " values as " + newType);
        }
        return new ConstTensor(newType, shape, null, longs);
    }

    /** Element {@code i} of the result is element {@code source[i]} of this tensor. */
    ConstTensor gather(int[] source, long[] newShape) {
        if (floats != null) {
            float[] out = new float[source.length];
            for (int i = 0; i < source.length; i++) {
                out[i] = floats[source[i]];
            }
            return ofFloats(newShape, out);
        }
        long[] out = new long[source.length];
        for (int i = 0; i < source.length; i++) {
            out[i] = longs[source[i]];
        }
        return ofLongs(type, newShape, out);
    }

    @Override
    public String toString() {
        return type + Arrays.toString(shape);
    }
}
