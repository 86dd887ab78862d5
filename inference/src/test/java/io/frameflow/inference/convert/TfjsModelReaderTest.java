package io.frameflow.inference.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model.json parsing and weight decoding, including every way a model can be malformed. */
class TfjsModelReaderTest {
    @TempDir Path dir;

    private static TfjsModelFixture everyEncoding() {
        return new TfjsModelFixture()
                .placeholder("x", 2)
                .floatConst("f32", new long[] {2}, new float[] {1.25f, -3e-8f})
                .float16Const(
                        "f16", new long[] {2, 2}, new float[] {1f, -2f, 0.333251953125f, 65504f})
                .uint8Const("u8", new long[] {3}, new int[] {0, 1, 255}, 0.5, -10)
                .uint16Const("u16", new long[] {2}, new int[] {0, 65535}, 0.001, 1)
                .intConst("i64", new long[] {2}, new long[] {-7, 123456}, "DT_INT64")
                .boolConst("flags", true, false, true)
                .op("y", "Relu", List.of("x"))
                .output("y");
    }

    @Test
    void decodesEveryWeightEncoding() throws Exception {
        TfjsModel model = TfjsModelReader.read(everyEncoding().write(dir));

        assertArrayEquals(new float[] {1.25f, -3e-8f}, model.weights().get("f32").floats());
        ConstTensor half = model.weights().get("f16");
        assertArrayEquals(new long[] {2, 2}, half.shape());
        assertArrayEquals(new float[] {1f, -2f, 0.333251953125f, 65504f}, half.floats());
        // uint8: q * scale + min
        assertArrayEquals(new float[] {-10f, -9.5f, 117.5f}, model.weights().get("u8").floats());
        assertArrayEquals(new float[] {1f, 66.535f}, model.weights().get("u16").floats(), 1e-4f);
        ConstTensor ints = model.weights().get("i64");
        assertEquals(TensorType.INT32, ints.type());
        assertArrayEquals(new long[] {-7, 123456}, ints.longs());
        assertArrayEquals(new long[] {1, 0, 1}, model.weights().get("flags").longs());
    }

    @Test
    void concatenatesShardsInOrder() throws Exception {
        // cut inside the float16 weight and inside the uint8 weight
        Path modelJson = everyEncoding().writeSharded(dir, 11, 17);

        TfjsModel model = TfjsModelReader.read(modelJson);

        assertArrayEquals(
                new float[] {1f, -2f, 0.333251953125f, 65504f},
                model.weights().get("f16").floats());
        assertArrayEquals(new float[] {-10f, -9.5f, 117.5f}, model.weights().get("u8").floats());
        assertArrayEquals(new long[] {1, 0, 1}, model.weights().get("flags").longs());
    }

    @Test
    void parsesNodesSignatureAndControlDependencies() throws Exception {
        TfjsModelFixture fixture = everyEncoding().op("z", "Neg", List.of("y", "^f32"));
        TfjsModel model = TfjsModelReader.read(fixture.write(dir));

        assertEquals(List.of(new TensorRef("y", 0)), model.nodes().get("z").inputs());
        assertEquals(new TensorRef("x", 0), model.inputs().get(0).ref());
        assertArrayEquals(new long[] {2}, model.inputs().get(0).shape());
        assertEquals(new TensorRef("y", 0), model.outputs().get(0).ref());
    }

    private String failure(Path modelJson) {
        return assertThrows(
                        ModelConversionException.class,
                        () -> new TfjsGraphConverter().convert(modelJson, dir.resolve("out.onnx")))
                .getMessage();
    }

    @Test
    void missingShardIsNamed() throws Exception {
        Path modelJson = everyEncoding().write(dir);
        Files.delete(dir.resolve(TfjsModelFixture.SHARD));

        String message = failure(modelJson);
        assertTrue(message.contains("lists weight shard 'group1-shard1of1.bin'"), message);
        assertTrue(message.contains("does not exist"), message);
    }

    @Test
    void shardOfTheWrongLengthIsRejected() throws Exception {
        Path modelJson = everyEncoding().write(dir);
        Path shard = dir.resolve(TfjsModelFixture.SHARD);
        long needed = Files.size(shard);
        Files.write(shard, new byte[(int) needed - 3]);

        String message = failure(modelJson);
        assertTrue(message.contains("needs " + needed + " bytes for its weights"), message);
        assertTrue(message.contains("hold " + (needed - 3) + " bytes"), message);
    }

    @Test
    void shardOutsideTheModelDirectoryIsRefused() throws Exception {
        TfjsModelFixture fixture = everyEncoding();
        ObjectNode group = (ObjectNode) fixture.json().get("weightsManifest").get(0);
        group.putArray("paths").add("../elsewhere.bin");

        String message = failure(fixture.write(dir));
        assertTrue(message.contains("lies outside the model's directory"), message);
    }

    @Test
    void unsupportedWeightTypeIsNamed() throws Exception {
        TfjsModelFixture fixture = everyEncoding();
        ObjectNode weight =
                (ObjectNode) fixture.json().get("weightsManifest").get(0).get("weights").get(0);
        weight.put("dtype", "string");

        String message = failure(fixture.write(dir));
        assertTrue(message.contains("weight 'f32' has dtype string"), message);
    }

    @Test
    void layersModelIsRejected() throws Exception {
        TfjsModelFixture fixture = everyEncoding();
        fixture.json().put("format", "layers-model");

        String message = failure(fixture.write(dir));
        assertTrue(message.contains("has format 'layers-model'"), message);
        assertTrue(message.contains("only TF.js graph models"), message);
    }

    @Test
    void invalidJsonAndMissingFileAreReported() throws Exception {
        Path broken = dir.resolve("model.json");
        Files.writeString(broken, "{\"format\": \"graph-model\", ");
        assertTrue(failure(broken).contains("is not valid JSON"), failure(broken));

        String message = failure(dir.resolve("absent.json"));
        assertTrue(message.contains("absent.json does not exist"), message);
    }
}
