package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static io.frameflow.inference.convert.ConversionHarness.convert;
import static io.frameflow.inference.convert.ConversionHarness.opTypes;
import static io.frameflow.inference.convert.ConversionHarness.readModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ops whose inputs are all constants are computed at conversion time, not emitted. */
class ConstantFoldingTest {
    @TempDir Path dir;

    /**
     * The pattern TF graphs exported from ONNX use for Reshape targets: an empty SparseToDense plus
     * an int64 constant (stored as int32 in the weights).
     */
    @Test
    void sparseToDenseShapeArithmeticFoldsIntoAnInt64Initializer() throws Exception {
        float[] x = TestData.uniform(16, 101);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 1, 4, 2, 2)
                        .intConst("where", new long[] {0, 1}, new long[0], "DT_INT64")
                        .intConst("dense_shape", new long[] {1}, new long[] {3}, "DT_INT64")
                        .intConst("values", new long[] {0}, new long[0], "DT_INT64")
                        .intConst("zero", new long[0], new long[] {0}, "DT_INT64")
                        .intConst("base", new long[] {3}, new long[] {1, -1, 4}, "DT_INT64")
                        .op(
                                "sparse",
                                "SparseToDense",
                                List.of("where", "dense_shape", "values", "zero"))
                        .op("shape", "AddV2", List.of("base", "sparse"))
                        .op("r", "Reshape", List.of("x", "shape"))
                        .output("r");

        Path onnx = convert(model, dir);
        Map<String, OrtRunner.Output> out =
                OrtRunner.run(onnx, new OrtRunner.Input("x", new long[] {1, 4, 2, 2}, x));

        assertEquals(List.of("Reshape"), opTypes(onnx));
        TensorProto shape = readModel(onnx).getGraph().getInitializer(0);
        assertEquals(TensorProto.DataType.INT64.getNumber(), shape.getDataType());
        assertArrayEquals(new long[] {1, 4, 4}, out.get("r").shape());
        assertClose(x, out.get("r").values());
    }

    @Test
    void constantChainsBecomeOneInitializer() throws Exception {
        // w = Transpose(Concat(a, b)) * Cast(k), all known before run time
        float[] x = TestData.uniform(6, 102);
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 3, 2)
                        .floatConst("a", new long[] {1, 3}, new float[] {1, 2, 3})
                        .floatConst("b", new long[] {1, 3}, new float[] {4, 5, 6})
                        .intScalar("axis", 0)
                        .intVector("perm", 1, 0)
                        .intScalar("k", 2)
                        .op("cat", "ConcatV2", List.of("a", "b", "axis"))
                        .op("t", "Transpose", List.of("cat", "perm"))
                        .op("alias", "Identity", List.of("t"))
                        .op("kf", "Cast", List.of("k"), TfAttr.type("DstT", "DT_FLOAT"))
                        .op("w", "Mul", List.of("alias", "kf"))
                        .op("y", "Add", List.of("x", "w"))
                        .output("y");

        Path onnx = convert(model, dir);
        OrtRunner.Output out =
                OrtRunner.run(onnx, new OrtRunner.Input("x", new long[] {3, 2}, x)).get("y");

        assertEquals(List.of("Add"), opTypes(onnx));
        GraphProto graph = readModel(onnx).getGraph();
        assertEquals(1, graph.getInitializerCount(), "folded intermediates must be pruned");
        float[] w = {2, 8, 4, 10, 6, 12};
        float[] expected = new float[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = x[i] + w[i];
        }
        assertClose(expected, out.values());
    }

    @Test
    void fullyFoldedOutputIsStillAnOutput() throws Exception {
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 1)
                        .floatConst("a", new long[] {2}, new float[] {1.5f, -1f})
                        .floatConst("b", new long[] {2}, new float[] {0.5f, 3f})
                        .op("sum", "AddV2", List.of("a", "b"))
                        .op("Identity", "Identity", List.of("sum"))
                        .op("y", "Relu", List.of("x"))
                        .output("Identity")
                        .output("y");

        Path onnx = convert(model, dir);
        Map<String, OrtRunner.Output> out =
                OrtRunner.run(onnx, new OrtRunner.Input("x", new long[] {1}, new float[] {-1f}));

        assertClose(new float[] {2f, 2f}, out.get("Identity").values());
        assertClose(new float[] {0f}, out.get("y").values());
    }
}
