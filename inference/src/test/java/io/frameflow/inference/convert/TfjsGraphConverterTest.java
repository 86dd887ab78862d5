package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static io.frameflow.inference.convert.ConversionHarness.opTypes;
import static io.frameflow.inference.convert.ConversionHarness.readModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.frameflow.inference.convert.TfReference.Axis;
import io.frameflow.inference.convert.TfReference.ResizeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end conversions through the public API, on graphs shaped like NanoDet's. */
class TfjsGraphConverterTest {
    @TempDir Path dir;

    private static final float[] BIAS = {0.1f, -0.2f, 0.3f, -0.4f};

    /**
     * NCHW input, TF transposes around each NHWC op, float16 conv weights, SparseToDense shape
     * arithmetic and a SplitV head: the structure of NanoDet's TF.js graph in miniature.
     */
    private static TfjsModelFixture miniNanoDet(float[] filter) {
        return new TfjsModelFixture()
                .placeholder("input_1", 1, 2, 6, 6)
                .intConst(
                        "pads", new long[] {4, 2}, new long[] {0, 0, 0, 0, 1, 1, 1, 1}, "DT_INT32")
                .intVector("to_nhwc", 0, 2, 3, 1)
                .intVector("to_nchw", 0, 3, 1, 2)
                .float16Const("w", new long[] {3, 3, 2, 4}, filter)
                .floatConst("b", new long[] {4}, BIAS)
                .intVector("size", 6, 6)
                .intScalar("channel_axis", 1)
                .intConst("where", new long[] {0, 1}, new long[0], "DT_INT64")
                .intConst("dense_shape", new long[] {1}, new long[] {3}, "DT_INT64")
                .intConst("values", new long[] {0}, new long[0], "DT_INT64")
                .intConst("zero", new long[0], new long[] {0}, "DT_INT64")
                .intConst("base", new long[] {3}, new long[] {1, 8, 36}, "DT_INT64")
                .intVector("swap", 0, 2, 1)
                .intVector("sizes", 3, 5)
                .intScalar("split_dim", 2)
                .op("pad", "Pad", List.of("input_1", "pads"))
                .op("t1", "Transpose", List.of("pad", "to_nhwc"))
                .op(
                        "conv",
                        "Conv2D",
                        List.of("t1", "w"),
                        TfAttr.s("padding", "VALID"),
                        TfAttr.s("data_format", "NHWC"),
                        TfAttr.ints("strides", 1, 1, 1, 1))
                .op("add", "Add", List.of("conv", "b"))
                .op("t2", "Transpose", List.of("add", "to_nchw"))
                .op("leaky", "LeakyRelu", List.of("t2"), TfAttr.f("alpha", 0.1))
                .op("t3", "Transpose", List.of("leaky", "to_nhwc"))
                .op(
                        "pool",
                        "MaxPool",
                        List.of("t3"),
                        TfAttr.s("padding", "VALID"),
                        TfAttr.ints("ksize", 1, 2, 2, 1),
                        TfAttr.ints("strides", 1, 2, 2, 1))
                .op(
                        "resize",
                        "ResizeBilinear",
                        List.of("pool", "size"),
                        TfAttr.b("half_pixel_centers", true),
                        TfAttr.b("align_corners", false))
                .op("t4", "Transpose", List.of("resize", "to_nchw"))
                .op("cat", "ConcatV2", List.of("leaky", "t4", "channel_axis"))
                .op("sparse", "SparseToDense", List.of("where", "dense_shape", "values", "zero"))
                .op("shape", "AddV2", List.of("base", "sparse"))
                .op("flat", "Reshape", List.of("cat", "shape"))
                .op("t5", "Transpose", List.of("flat", "swap"))
                .op(
                        "split",
                        "SplitV",
                        List.of("t5", "sizes", "split_dim"),
                        TfAttr.i("num_split", 2))
                .op("sig", "Sigmoid", List.of("split"))
                .op("Identity", "Identity", List.of("sig"))
                .op("Identity_1", "Identity", List.of("split:1"))
                .output("Identity", 1, 36, 3)
                .output("Identity_1", 1, 36, 5);
    }

    @Test
    void miniNanoDetMatchesTfSemantics() throws Exception {
        float[] filter = TestData.halfExact(3 * 3 * 2 * 4, 111);
        float[] input = TestData.uniform(2 * 6 * 6, 112);
        Path onnx = dir.resolve("out/nano.onnx");

        ConversionResult result =
                new TfjsGraphConverter().convert(miniNanoDet(filter).write(dir), onnx);
        Map<String, OrtRunner.Output> out =
                OrtRunner.run(onnx, new OrtRunner.Input("input_1", new long[] {1, 2, 6, 6}, input));

        float[] heads = expectedHeads(filter, input);
        float[] scores = new float[36 * 3];
        float[] boxes = new float[36 * 5];
        for (int p = 0; p < 36; p++) {
            for (int c = 0; c < 8; c++) {
                float v = heads[p * 8 + c];
                if (c < 3) {
                    scores[p * 3 + c] = (float) (1 / (1 + Math.exp(-v)));
                } else {
                    boxes[p * 5 + c - 3] = v;
                }
            }
        }
        assertArrayEquals(new long[] {1, 36, 3}, out.get("Identity").shape());
        assertClose(scores, out.get("Identity").values());
        assertClose(boxes, out.get("Identity_1").values());
        assertEquals(List.of("input_1"), result.inputs());
        assertEquals(List.of("Identity", "Identity_1"), result.outputs());
        assertEquals(onnx, result.onnxFile());
        assertEquals(13, result.opset());
        ModelProto model = readModel(onnx);
        assertEquals(13, model.getOpsetImport(0).getVersion());
        assertEquals("", model.getOpsetImport(0).getDomain());
        assertEquals(result.nodeCount(), model.getGraph().getNodeCount());
    }

    /**
     * The pre-split tensor [1, 36, 8]: per pixel, 4 channels of LeakyRelu(conv + bias) and 4 of its
     * max-pooled, bilinearly upsampled copy; i.e. the NHWC concatenation.
     */
    private static float[] expectedHeads(float[] filter, float[] input) {
        Nhwc x = Nhwc.fromNchw(1, 2, 6, 6, input);
        Nhwc padded = Nhwc.zeros(1, 8, 8, 2);
        for (int y = 0; y < 6; y++) {
            for (int xx = 0; xx < 6; xx++) {
                for (int c = 0; c < 2; c++) {
                    padded.data()[padded.index(0, y + 1, xx + 1, c)] = x.at(0, y, xx, c);
                }
            }
        }
        Axis valid3 = Axis.valid(8, 3, 1, 1);
        Nhwc leaky = TfReference.conv2d(padded, filter, 4, valid3, valid3);
        for (int i = 0; i < leaky.data().length; i++) {
            float v = leaky.data()[i] + BIAS[i % 4];
            leaky.data()[i] = v < 0 ? 0.1f * v : v;
        }
        Axis pool = Axis.valid(6, 2, 2, 1);
        Nhwc up =
                TfReference.resizeBilinear(
                        TfReference.pool(leaky, true, pool, pool), 6, 6, ResizeMode.HALF_PIXEL);
        float[] heads = new float[36 * 8];
        for (int p = 0; p < 36; p++) {
            for (int c = 0; c < 4; c++) {
                heads[p * 8 + c] = leaky.data()[p * 4 + c];
                heads[p * 8 + 4 + c] = up.data()[p * 4 + c];
            }
        }
        return heads;
    }

    @Test
    void cancellingTransposesAreRemoved() throws Exception {
        Path onnx = dir.resolve("nano.onnx");
        new TfjsGraphConverter().convert(miniNanoDet(TestData.halfExact(72, 113)).write(dir), onnx);

        List<String> ops = opTypes(onnx);
        // all 10 transposes around the NHWC ops cancel once the conv's moves below the bias Add;
        // only the head's [0, 2, 1] is left
        assertEquals(1, Collections.frequency(ops, "Transpose"), ops.toString());
        assertTrue(
                ops.stream()
                        .noneMatch(op -> Stream.of("SparseToDense", "AddV2").anyMatch(op::equals)),
                ops.toString());
    }

    @Test
    void unsupportedOpNamesTheNodeTheOpAndTheSupportedOps() throws Exception {
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2)
                        .op("weird", "Bucketize", List.of("x"))
                        .output("weird");

        String message = failure(model.write(dir));
        assertTrue(message.contains("node 'weird' (op Bucketize)"), message);
        assertTrue(message.contains("supported ops: Abs, "), message);
        assertTrue(message.contains("Conv2D") && message.contains("ResizeBilinear"), message);
    }

    @Test
    void cyclesAndDanglingInputsAreReported() throws Exception {
        TfjsModelFixture cyclic =
                new TfjsModelFixture()
                        .placeholder("x", 2)
                        .op("a", "Add", List.of("x", "b"))
                        .op("b", "Relu", List.of("a"))
                        .output("b");
        assertTrue(failure(cyclic.write(dir.resolve("cyclic"))).contains("has a cycle through"));

        TfjsModelFixture dangling =
                new TfjsModelFixture()
                        .placeholder("x", 2)
                        .op("a", "Add", List.of("x", "ghost"))
                        .output("a");
        String message = failure(dangling.write(dir.resolve("dangling")));
        assertTrue(message.contains("node 'a' (op Add) refers to node 'ghost'"), message);
    }

    @Test
    void constWithoutItsWeightIsReported() throws Exception {
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 3)
                        .floatConst("c", new long[] {3}, new float[] {1, 2, 3})
                        .op("y", "Add", List.of("x", "c"))
                        .output("y");
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        model.json().get("weightsManifest").get(0).get("weights"))
                .removeAll();
        Path modelJson = model.write(dir);
        Files.write(dir.resolve(TfjsModelFixture.SHARD), new byte[0]);

        String message = failure(modelJson);
        assertTrue(message.contains("node 'c' (op Const) declares shape [3]"), message);
    }

    @Test
    void withoutASignatureTheUnconsumedNodesAreTheOutputs() throws Exception {
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2)
                        .op("hidden", "Neg", List.of("x"))
                        .op("result", "Relu", List.of("hidden"));
        model.json().remove("signature");

        ConversionResult result =
                new TfjsGraphConverter().convert(model.write(dir), dir.resolve("m.onnx"));
        OrtRunner.Output out =
                OrtRunner.run(
                                result.onnxFile(),
                                new OrtRunner.Input("x", new long[] {2}, new float[] {-3, 4}))
                        .get("result");

        assertEquals(List.of("result"), result.outputs());
        assertClose(new float[] {3, 0}, out.values());
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws Exception {
        Path onnx = dir.resolve("out").resolve("m.onnx");
        Files.createDirectories(onnx.getParent());
        Files.writeString(onnx, "stale");
        TfjsModelFixture model =
                new TfjsModelFixture()
                        .placeholder("x", 2)
                        .op("y", "Relu", List.of("x"))
                        .output("y");

        new TfjsGraphConverter().convert(model.write(dir), onnx);

        assertEquals("y", readModel(onnx).getGraph().getOutput(0).getName());
        try (Stream<Path> files = Files.list(onnx.getParent())) {
            assertEquals(List.of(onnx), files.toList());
        }
    }

    @Test
    void listsTheOpsNanoDetNeeds() {
        assertTrue(
                TfjsGraphConverter.supportedOps()
                        .containsAll(
                                List.of(
                                        "Const",
                                        "Placeholder",
                                        "SparseToDense",
                                        "Pad",
                                        "PadV2",
                                        "AddV2",
                                        "Transpose",
                                        "Conv2D",
                                        "Add",
                                        "LeakyRelu",
                                        "MaxPool",
                                        "ConcatV2",
                                        "ResizeBilinear",
                                        "SplitV",
                                        "Sigmoid",
                                        "Reshape",
                                        "Identity")));
    }

    private String failure(Path modelJson) {
        return assertThrows(
                        ModelConversionException.class,
                        () -> new TfjsGraphConverter().convert(modelJson, dir.resolve("x.onnx")))
                .getMessage();
    }
}
