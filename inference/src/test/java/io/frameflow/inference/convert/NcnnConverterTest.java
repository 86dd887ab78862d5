package io.frameflow.inference.convert;

import static io.frameflow.inference.convert.ConversionHarness.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-made ncnn models (a .param text and a .bin of fp16/fp32 weights written here) whose outputs
 * follow from their weights by hand, converted and run in ONNX Runtime.
 */
class NcnnConverterTest {
    @TempDir Path dir;

    /** Little-endian .bin writer in ncnn's layout. */
    private static final class Bin {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Bin fp16(float... values) {
            ByteBuffer b =
                    ByteBuffer.allocate(4 + 2 * values.length + 2).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(NcnnWeightReader.FP16_TAG);
            for (float v : values) {
                b.putShort(HalfEncoding.exactHalf(v));
            }
            int length = 4 + 2 * values.length;
            bytes.write(b.array(), 0, (length + 3) / 4 * 4);
            return this;
        }

        Bin tag(int tag) {
            return raw(Float.intBitsToFloat(tag));
        }

        Bin raw(float... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                b.putFloat(v);
            }
            bytes.write(b.array(), 0, b.capacity());
            return this;
        }

        byte[] toArray() {
            return bytes.toByteArray();
        }
    }

    private Path[] write(String param, Bin bin) throws Exception {
        Path paramFile = dir.resolve("model.param");
        Files.writeString(paramFile, param);
        Path binFile = NcnnConverter.weightsBeside(paramFile);
        Files.write(binFile, bin.toArray());
        return new Path[] {paramFile, binFile};
    }

    private Map<String, OrtRunner.Output> convertAndRun(Path[] files, long[] shape, float[] input)
            throws Exception {
        Path onnx = dir.resolve("model.onnx");
        ConversionResult result = new NcnnConverter().convert(files[0], files[1], onnx);
        assertThat(result.inputs()).containsExactly("data");
        return OrtRunner.run(onnx, new OrtRunner.Input("data", shape, input));
    }

    private static float[] ramp(int count, float from, float step) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + i * step;
        }
        return values;
    }

    private static final String SHUFFLE_MODEL =
            String.join(
                    "\n",
                    "7767517",
                    "7 8",
                    "Input            in        0 1 data",
                    "Split            split     1 2 data a b",
                    "Convolution      conv      1 1 a c1 0=12 1=1 5=1 6=36",
                    "PReLU            prelu     1 1 c1 c2 0=12",
                    "PixelShuffle     shuffle   1 1 c2 c3 0=2",
                    "Interp           up        1 1 b c4 0=1 1=2.000000e+00 2=2.000000e+00",
                    "BinaryOp         add       2 1 c3 c4 output 0=0",
                    "");

    /** Conv 1x1 copying input channel o / 4 to output o, bias (o % 4) / 4 - 0.5, slope 0.5. */
    private static Bin shuffleWeights() {
        float[] weights = new float[12 * 3];
        float[] bias = new float[12];
        float[] slopes = new float[12];
        for (int o = 0; o < 12; o++) {
            weights[o * 3 + o / 4] = 1;
            bias[o] = (o % 4) * 0.25f - 0.5f;
            slopes[o] = 0.5f;
        }
        return new Bin().fp16(weights).raw(bias).raw(slopes);
    }

    @Test
    void convolutionPreluPixelShuffleAndNearestSkipGiveTheHandComputedPicture() throws Exception {
        int h = 2;
        int w = 3;
        float[] input = ramp(3 * h * w, 0.05f, 0.05f);

        Map<String, OrtRunner.Output> out =
                convertAndRun(
                        write(SHUFFLE_MODEL, shuffleWeights()), new long[] {1, 3, h, w}, input);

        // output[c][2y+i][2x+j] = prelu(in[c][y][x] + (2i+j)/4 - 0.5) + in[c][y][x]
        float[] expected = new float[3 * 4 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 2 * h; y++) {
                for (int x = 0; x < 2 * w; x++) {
                    float v = input[(c * h + y / 2) * w + x / 2];
                    float pre = v + (2 * (y % 2) + x % 2) * 0.25f - 0.5f;
                    float activated = pre > 0 ? pre : 0.5f * pre;
                    expected[(c * 2 * h + y) * 2 * w + x] = activated + v;
                }
            }
        }
        assertThat(out.get("output").shape()).containsExactly(1, 3, 2 * h, 2 * w);
        assertClose(expected, out.get("output").values());
    }

    @Test
    void anOddCountOfHalfWeightsIsPaddedToFourBytes() throws Exception {
        String param =
                String.join(
                        "\n",
                        "7767517",
                        "3 3",
                        "Input        in    0 1 data",
                        "Convolution  sum   1 1 data s 0=1 1=1 6=3",
                        "BinaryOp     half  1 1 s output 0=2 1=1 2=5.000000e-01",
                        "");
        Bin bin = new Bin().fp16(1, 2, 4);
        float[] input = {1, 2, 10, 20, 100, 200};

        Map<String, OrtRunner.Output> out =
                convertAndRun(write(param, bin), new long[] {1, 3, 1, 2}, input);

        assertThat(out.get("output").shape()).containsExactly(1, 1, 1, 2);
        assertClose(
                new float[] {(1 + 20 + 400) / 2f, (2 + 40 + 800) / 2f}, out.get("output").values());
    }

    @Test
    void aBicubicHalvingResizeGivesHalfTheSize() throws Exception {
        String param =
                String.join(
                        "\n",
                        "7767517",
                        "2 2",
                        "Input   in    0 1 data",
                        "Interp  down  1 1 data output 0=3 1=5.000000e-01 2=5.000000e-01",
                        "");
        float[] flat = new float[3 * 8 * 8];
        java.util.Arrays.fill(flat, 0.25f);

        Map<String, OrtRunner.Output> out =
                convertAndRun(write(param, new Bin()), new long[] {1, 3, 8, 8}, flat);

        // a flat picture stays flat under any interpolation whose weights sum to one
        assertThat(out.get("output").shape()).containsExactly(1, 3, 4, 4);
        float[] expected = new float[3 * 4 * 4];
        java.util.Arrays.fill(expected, 0.25f);
        assertClose(expected, out.get("output").values());
    }

    @Test
    void bytesLeftOverInTheBinAreAnError() throws Exception {
        Path[] files = write(SHUFFLE_MODEL, shuffleWeights().raw(0f));

        assertThatThrownBy(
                        () ->
                                new NcnnConverter()
                                        .convert(files[0], files[1], dir.resolve("m.onnx")))
                .isInstanceOf(ModelConversionException.class)
                .hasMessage(
                        "model.bin has 4 bytes after the last weight the .param file accounts for"
                                + " (read 172 of 176): the weights do not match the model");
        assertThat(dir.resolve("m.onnx")).doesNotExist();
    }

    @Test
    void aShortBinNamesTheLayerThatRanOut() throws Exception {
        float[] bias = new float[12];
        Path[] files = write(SHUFFLE_MODEL, new Bin().fp16(new float[36]).raw(bias).raw(1, 2, 3));

        assertThatThrownBy(
                        () ->
                                new NcnnConverter()
                                        .convert(files[0], files[1], dir.resolve("m.onnx")))
                .hasMessage(
                        "ncnn layer prelu (PReLU, line 6): model.bin ends at byte 136 but slopes"
                                + " needs 48 bytes from byte 124");
    }

    @Test
    void int8WeightsAreRejectedWithTheirTag() throws Exception {
        Path[] files =
                write(SHUFFLE_MODEL, new Bin().tag(NcnnWeightReader.INT8_TAG).raw(new float[60]));

        assertThatThrownBy(
                        () ->
                                new NcnnConverter()
                                        .convert(files[0], files[1], dir.resolve("m.onnx")))
                .hasMessage(
                        "ncnn layer conv (Convolution, line 5): weights at byte 0 of model.bin has"
                                + " storage tag 0xd4b38 (int8); only fp16 and fp32 weights are"
                                + " supported");
    }

    @Test
    void anUnsupportedLayerIsNamed() throws Exception {
        Path[] files =
                write(
                        "7767517\n2 2\nInput in 0 1 data\nSoftmax sm 1 1 data output 0=0\n",
                        new Bin());

        assertThatThrownBy(
                        () ->
                                new NcnnConverter()
                                        .convert(files[0], files[1], dir.resolve("m.onnx")))
                .hasMessageStartingWith(
                        "ncnn layer sm (Softmax, line 4): layer type is not supported; supported:");
    }

    @Test
    void anUnknownParameterIsNotIgnored() throws Exception {
        Path[] files = write(SHUFFLE_MODEL.replace("0=2\n", "0=2 1=1\n"), shuffleWeights());

        assertThatThrownBy(
                        () ->
                                new NcnnConverter()
                                        .convert(files[0], files[1], dir.resolve("m.onnx")))
                .hasMessage(
                        "ncnn layer shuffle (PixelShuffle, line 7): mode 1 is not supported; only 0 is");
    }

    @Test
    void aBinaryParamFileIsRejected() throws Exception {
        Path[] files = write("\u0001\u0002binary", new Bin());

        assertThatThrownBy(
                        () ->
                                new NcnnConverter()
                                        .convert(files[0], files[1], dir.resolve("m.onnx")))
                .hasMessageEndingWith(
                        "is not an ncnn text .param file: the first line is not 7767517 (binary"
                                + " .param.bin files are not supported)");
    }
}
