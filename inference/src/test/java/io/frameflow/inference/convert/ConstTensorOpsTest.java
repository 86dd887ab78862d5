package io.frameflow.inference.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frameflow.inference.convert.BroadcastArithmetic.BinaryOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstTensorOpsTest {

    private static ConstTensor ints(long[] shape, long... values) {
        return ConstTensor.ofLongs(TensorType.INT64, shape, values);
    }

    private static ConstTensor floats(long[] shape, float... values) {
        return ConstTensor.ofFloats(shape, values);
    }

    @Test
    void transposeMovesEveryElement() {
        // t[i][j][k] = 100i + 10j + k, shape [2, 3, 2]
        long[] values = new long[12];
        for (int i = 0; i < 12; i++) {
            values[i] = 100 * (i / 6) + 10 * ((i / 2) % 3) + i % 2;
        }
        ConstTensor t =
                ConstTensorOps.transpose(ints(new long[] {2, 3, 2}, values), new int[] {2, 0, 1});

        assertArrayEquals(new long[] {2, 2, 3}, t.shape());
        assertArrayEquals(
                new long[] {0, 10, 20, 100, 110, 120, 1, 11, 21, 101, 111, 121}, t.longs());
    }

    @Test
    void transposeRejectsANonPermutation() {
        ConstTensor t = ints(new long[] {2, 2}, 1, 2, 3, 4);
        assertThrows(
                IllegalArgumentException.class,
                () -> ConstTensorOps.transpose(t, new int[] {0, 0}));
    }

    @Test
    void reshapeInfersOneDimension() {
        ConstTensor t =
                ConstTensorOps.reshape(
                        ints(new long[] {2, 3}, 1, 2, 3, 4, 5, 6), new long[] {3, -1});
        assertArrayEquals(new long[] {3, 2}, t.shape());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, t.longs());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConstTensorOps.reshape(t, new long[] {4, -1}));
        assertTrue(e.getMessage().contains("cannot reshape"), e.getMessage());
    }

    @Test
    void concatInterleavesBlocksAlongTheAxis() {
        ConstTensor a = floats(new long[] {2, 1}, 1, 2);
        ConstTensor b = floats(new long[] {2, 2}, 3, 4, 5, 6);
        ConstTensor t = ConstTensorOps.concat(List.of(a, b), -1);
        assertArrayEquals(new long[] {2, 3}, t.shape());
        assertArrayEquals(new float[] {1, 3, 4, 2, 5, 6}, t.floats());
    }

    @Test
    void binaryOpsBroadcast() {
        ConstTensor column = ints(new long[] {2, 1}, 10, 20);
        ConstTensor row = ints(new long[] {3}, 1, 2, 3);
        ConstTensor sum = BroadcastArithmetic.binary(column, row, BinaryOp.ADD);
        assertArrayEquals(new long[] {2, 3}, sum.shape());
        assertArrayEquals(new long[] {11, 12, 13, 21, 22, 23}, sum.longs());

        ConstTensor scaled =
                BroadcastArithmetic.binary(
                        floats(new long[] {2}, 3, -4), ConstTensor.scalar(0.5f), BinaryOp.MUL);
        assertArrayEquals(new float[] {1.5f, -2f}, scaled.floats());
        assertThrows(
                IllegalArgumentException.class,
                () -> BroadcastArithmetic.binary(row, ints(new long[] {2}, 1, 2), BinaryOp.SUB));
    }

    @Test
    void castTruncatesTowardZeroAndMakesBooleans() {
        ConstTensor t = floats(new long[] {4}, -1.5f, -0.5f, 0f, 2.9f);
        assertArrayEquals(
                new long[] {-1, 0, 0, 2}, ConstTensorOps.cast(t, TensorType.INT32).longs());
        assertArrayEquals(new long[] {1, 1, 0, 1}, ConstTensorOps.cast(t, TensorType.BOOL).longs());
    }

    @Test
    void sparseToDenseWritesValuesOverTheDefault() {
        ConstTensor indices = ints(new long[] {2, 2}, 0, 1, 1, 0);
        ConstTensor shape = ints(new long[] {2}, 2, 2);
        ConstTensor values = ints(new long[] {2}, 7, 8);
        ConstTensor t = ConstTensorOps.sparseToDense(indices, shape, values, ints(new long[0], -1));
        assertEquals(TensorType.INT64, t.type());
        assertArrayEquals(new long[] {-1, 7, 8, -1}, t.longs());

        ConstTensor none = ints(new long[] {0, 1});
        ConstTensor empty =
                ConstTensorOps.sparseToDense(
                        none, ints(new long[] {1}, 3), ints(new long[] {0}), ints(new long[0], 0));
        assertArrayEquals(new long[] {0, 0, 0}, empty.longs());
    }
}
