package io.frameflow.inference.convert;

import java.util.Arrays;
import java.util.List;

/** Conversion-time arithmetic on {@link ConstTensor}s, used for constant folding and layouts. */
final class ConstTensorOps {

    private ConstTensorOps() {}

    static long[] strides(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    static ConstTensor transpose(ConstTensor tensor, int[] perm) {
        long[] shape = tensor.shape();
        checkPermutation(perm, shape.length);
        long[] inStrides = strides(shape);
        long[] outShape = new long[perm.length];
        long[] strideOfOutAxis = new long[perm.length];
        for (int axis = 0; axis < perm.length; axis++) {
            outShape[axis] = shape[perm[axis]];
            strideOfOutAxis[axis] = inStrides[perm[axis]];
        }
        int[] source = new int[tensor.size()];
        long[] index = new long[perm.length];
        long offset = 0;
        for (int i = 0; i < source.length; i++) {
            source[i] = (int) offset;
            // odometer step over the output index, tracking the input offset incrementally
            for (int axis = perm.length - 1; axis >= 0; axis--) {
                index[axis]++;
                offset += strideOfOutAxis[axis];
                if (index[axis] < outShape[axis]) {
                    break;
                }
                offset -= strideOfOutAxis[axis] * index[axis];
                index[axis] = 0;
            }
        }
        return tensor.gather(source, outShape);
    }

    static void checkPermutation(int[] perm, int rank) {
        boolean[] seen = new boolean[rank];
        boolean valid = perm.length == rank;
        for (int i = 0; valid && i < perm.length; i++) {
            valid = perm[i] >= 0 && perm[i] < rank && !seen[perm[i]];
            if (valid) {
                seen[perm[i]] = true;
            }
        }
        if (!valid) {
            throw new IllegalArgumentException(
                    "perm " + Arrays.toString(perm) + " is not a permutation of rank " + rank);
        }
    }

    /** TF reshape: at most one -1, which takes the remaining size; 0 means size 0. */
    static ConstTensor reshape(ConstTensor tensor, long[] requested) {
        long[] shape = requested.clone();
        int inferred = -1;
        long known = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] == -1 && inferred < 0) {
                inferred = axis;
            } else if (shape[axis] < 0) {
                throw new IllegalArgumentException(
                        "invalid reshape target " + Arrays.toString(requested));
            } else {
                known *= shape[axis];
            }
        }
        if (inferred >= 0) {
            shape[inferred] = known == 0 ? 0 : tensor.size() / known;
        }
        if (ConstTensor.elementCount(shape) != tensor.size()) {
            throw new IllegalArgumentException(
                    "cannot reshape "
                            + tensor
                            + " ("
                            + tensor.size()
                            + " values) to "
                            + Arrays.toString(requested));
        }
        return tensor.reshaped(shape);
    }

    static ConstTensor concat(List<ConstTensor> parts, long axisArg) {
        ConstTensor first = parts.get(0);
        int axis = normalizeAxis(axisArg, first.rank());
        long[] outShape = first.shape();
        outShape[axis] = 0;
        for (ConstTensor part : parts) {
            checkConcatShape(first, part, axis);
            outShape[axis] += part.dim(axis);
        }
        long outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= outShape[a];
        }
        long inner = ConstTensor.elementCount(outShape) / Math.max(1, outer * outShape[axis]);
        int[] partOf = new int[ConstTensor.elementCount(outShape)];
        int[] source = new int[partOf.length];
        int out = 0;
        for (long o = 0; o < outer; o++) {
            for (int p = 0; p < parts.size(); p++) {
                int block = (int) (parts.get(p).dim(axis) * inner);
                for (int j = 0; j < block; j++) {
                    partOf[out] = p;
                    source[out++] = (int) (o * block + j);
                }
            }
        }
        return gatherFromParts(parts, partOf, source, outShape);
    }

    private static void checkConcatShape(ConstTensor first, ConstTensor part, int axis) {
        boolean compatible = part.rank() == first.rank() && part.type() == first.type();
        for (int a = 0; compatible && a < first.rank(); a++) {
            compatible = a == axis || part.dim(a) == first.dim(a);
        }
        if (!compatible) {
            throw new IllegalArgumentException(
                    "cannot concatenate " + first + " and " + part + " on axis " + axis);
        }
    }

    private static ConstTensor gatherFromParts(
            List<ConstTensor> parts, int[] partOf, int[] source, long[] shape) {
        if (parts.get(0).type().isFloat()) {
            float[] out = new float[source.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = parts.get(partOf[i]).floats()[source[i]];
            }
            return ConstTensor.ofFloats(shape, out);
        }
        long[] out = new long[source.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = parts.get(partOf[i]).longs()[source[i]];
        }
        return ConstTensor.ofLongs(parts.get(0).type(), shape, out);
    }

    static int normalizeAxis(long axis, int rank) {
        long normalized = axis < 0 ? axis + rank : axis;
        if (normalized < 0 || normalized >= Math.max(rank, 1)) {
            throw new IllegalArgumentException(
                    "axis " + axis + " is out of range for rank " + rank);
        }
        return (int) normalized;
    }

    static ConstTensor cast(ConstTensor tensor, TensorType to) {
        if (to == tensor.type()) {
            return tensor;
        }
        if (to.isFloat()) {
            float[] out = new float[tensor.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) tensor.valueAt(i);
            }
            return ConstTensor.ofFloats(tensor.shape(), out);
        }
        long[] out = new long[tensor.size()];
        for (int i = 0; i < out.length; i++) {
            double value = tensor.valueAt(i);
            // TF casts truncate toward zero; bools are "not zero"
            out[i] = to == TensorType.BOOL ? (value != 0 ? 1 : 0) : (long) value;
        }
        return ConstTensor.ofLongs(to, tensor.shape(), out);
    }

    /**
     * TF SparseToDense: a tensor of {@code outputShape} filled with {@code defaultValue}, with
     * {@code values} (or one broadcast scalar) written at {@code indices} ([n], [n, rank] or a
     * scalar).
     */
    static ConstTensor sparseToDense(
            ConstTensor indices, ConstTensor outputShape, ConstTensor values, ConstTensor dflt) {
        long[] shape = outputShape.longs().clone();
        int rank = shape.length;
        int count = indices.rank() == 0 ? 1 : (int) indices.dim(0);
        int perIndex = indices.rank() < 2 ? 1 : (int) indices.dim(1);
        if (perIndex != rank || (values.size() != count && values.size() != 1)) {
            throw new IllegalArgumentException(
                    "SparseToDense indices "
                            + indices
                            + " and values "
                            + values
                            + " do not fit output shape "
                            + Arrays.toString(shape));
        }
        int[] targets = new int[count];
        long[] stride = strides(shape);
        for (int n = 0; n < count; n++) {
            long flat = 0;
            for (int axis = 0; axis < rank; axis++) {
                long coordinate = indices.longs()[n * rank + axis];
                if (coordinate < 0 || coordinate >= shape[axis]) {
                    throw new IllegalArgumentException(
                            "SparseToDense index " + coordinate + " is outside the output shape");
                }
                flat += coordinate * stride[axis];
            }
            targets[n] = (int) flat;
        }
        return scatter(values, targets, shape, dflt);
    }

    /**
     * A tensor of {@code shape} holding {@code dflt}, with values[n] (or values[0]) at targets[n].
     */
    private static ConstTensor scatter(
            ConstTensor values, int[] targets, long[] shape, ConstTensor dflt) {
        int size = ConstTensor.elementCount(shape);
        int step = values.size() == 1 ? 0 : 1;
        if (values.type().isFloat()) {
            float[] out = new float[size];
            Arrays.fill(out, (float) dflt.valueAt(0));
            for (int n = 0; n < targets.length; n++) {
                out[targets[n]] = values.floats()[n * step];
            }
            return ConstTensor.ofFloats(shape, out);
        }
        long[] out = new long[size];
        Arrays.fill(out, dflt.longs()[0]);
        for (int n = 0; n < targets.length; n++) {
            out[targets[n]] = values.longs()[n * step];
        }
        return ConstTensor.ofLongs(values.type(), shape, out);
    }
}
