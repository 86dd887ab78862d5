package io.frameflow.inference.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the weight shards of a TF.js model and decodes its {@code weightsManifest}: each group's
 * shards are concatenated in order and hold its weights back to back, little-endian, as float32,
 * int32 or bool (one byte), or quantized (IEEE half for {@code float16}; {@code q * scale + min}
 * for {@code uint8}/{@code uint16}).
 */
final class TfjsWeightDecoder {
    private final Path modelJson;
    private final Path directory;

    TfjsWeightDecoder(Path modelJson) {
        this.modelJson = modelJson;
        this.directory = modelJson.toAbsolutePath().normalize().getParent();
    }

    Map<String, ConstTensor> decode(JsonNode manifest) throws IOException {
        Map<String, ConstTensor> weights = new HashMap<>();
        int group = 0;
        for (JsonNode entry : manifest) {
            decodeGroup(entry, group++, weights);
        }
        return weights;
    }

    private void decodeGroup(JsonNode entry, int group, Map<String, ConstTensor> weights)
            throws IOException {
        List<String> paths = new ArrayList<>();
        entry.path("paths").forEach(p -> paths.add(p.asText()));
        List<WeightSpec> specs = new ArrayList<>();
        long needed = 0;
        for (JsonNode weight : entry.path("weights")) {
            WeightSpec spec = WeightSpec.parse(weight);
            specs.add(spec);
            needed += spec.byteLength();
        }
        ByteBuffer data = readShards(paths, group, needed);
        for (WeightSpec spec : specs) {
            weights.put(spec.name(), spec.decode(data));
        }
    }

    private ByteBuffer readShards(List<String> paths, int group, long needed) throws IOException {
        List<Path> files = new ArrayList<>();
        long available = 0;
        for (String relative : paths) {
            Path file = shard(relative);
            available += Files.size(file);
            files.add(file);
        }
        if (available != needed) {
            throw new ModelConversionException(
                    "weight group "
                            + group
                            + " of "
                            + modelJson
                            + " needs "
                            + needed
                            + " bytes for its weights, but its shards "
                            + paths
                            + " hold "
                            + available
                            + " bytes");
        }
        if (needed > Integer.MAX_VALUE - 8) {
            throw new ModelConversionException(
                    "weight group " + group + " of " + modelJson + " is larger than 2 GiB");
        }
        byte[] bytes = new byte[(int) needed];
        int offset = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                offset += in.readNBytes(bytes, offset, bytes.length - offset);
            }
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The file of a shard path listed in model.json, which must exist beside it. */
    private Path shard(String relative) {
        Path file = directory.resolve(relative).normalize();
        if (!file.startsWith(directory)) {
            throw new ModelConversionException(
                    modelJson
                            + " lists weight shard '"
                            + relative
                            + "', which lies outside the model's directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelConversionException(
                    modelJson
                            + " lists weight shard '"
                            + relative
                            + "', but "
                            + file
                            + " does not exist");
        }
        return file;
    }

    /** One entry of a manifest group's {@code weights}. */
    private record WeightSpec(
            String name,
            long[] shape,
            String dtype,
            String quantization,
            double scale,
            double min) {

        static WeightSpec parse(JsonNode weight) {
            String name = weight.path("name").asText(null);
            if (name == null) {
                throw new ModelConversionException("a weight in weightsManifest has no name");
            }
            long[] shape = new long[weight.path("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = weight.path("shape").get(i).asLong();
            }
            JsonNode q = weight.path("quantization");
            WeightSpec spec =
                    new WeightSpec(
                            name,
                            shape,
                            weight.path("dtype").asText("float32"),
                            q.isMissingNode() ? null : q.path("dtype").asText(),
                            q.path("scale").asDouble(1),
                            q.path("min").asDouble(0));
            spec.check();
            return spec;
        }

        private void check() {
            boolean typeKnown =
                    dtype.equals("float32") || dtype.equals("int32") || dtype.equals("bool");
            boolean quantizationKnown =
                    quantization == null
                            || quantization.equals("float16")
                            || quantization.equals("uint8")
                            || quantization.equals("uint16");
            if (!typeKnown || !quantizationKnown) {
                throw new ModelConversionException(
                        "weight '"
                                + name
                                + "' has dtype "
                                + dtype
                                + (quantization == null ? "" : " quantized as " + quantization)
                                + "; supported: float32, int32, bool, quantized as float16, uint8"
                                + " or uint16");
            }
            try {
                ConstTensor.elementCount(shape);
            } catch (IllegalArgumentException e) {
                throw new ModelConversionException("weight '" + name + "': " + e.getMessage(), e);
            }
        }

        long byteLength() {
            long count = ConstTensor.elementCount(shape);
            if (quantization != null) {
                return count * (quantization.equals("uint8") ? 1 : 2);
            }
            return count * (dtype.equals("bool") ? 1 : 4);
        }

        /** Decodes this weight from {@code data}'s position and advances it. */
        ConstTensor decode(ByteBuffer data) {
            int count = ConstTensor.elementCount(shape);
            if (quantization != null) {
                float[] values = dequantize(data, count);
                return dtype.equals("float32")
                        ? ConstTensor.ofFloats(shape, values)
                        : ConstTensor.ofLongs(
                                dtype.equals("bool") ? TensorType.BOOL : TensorType.INT32,
                                shape,
                                rounded(values));
            }
            switch (dtype) {
                case "float32":
                    float[] floats = new float[count];
                    data.asFloatBuffer().get(floats);
                    data.position(data.position() + 4 * count);
                    return ConstTensor.ofFloats(shape, floats);
                case "int32":
                    int[] raw = new int[count];
                    data.asIntBuffer().get(raw);
                    data.position(data.position() + 4 * count);
                    long[] ints = new long[count];
                    for (int i = 0; i < count; i++) {
                        ints[i] = raw[i];
                    }
                    return ConstTensor.ofLongs(TensorType.INT32, shape, ints);
                default:
                    long[] bools = new long[count];
                    for (int i = 0; i < count; i++) {
                        bools[i] = data.get() != 0 ? 1 : 0;
                    }
                    return ConstTensor.ofLongs(TensorType.BOOL, shape, bools);
            }
        }

        private float[] dequantize(ByteBuffer data, int count) {
            float[] values = new float[count];
            if (quantization.equals("uint8")) {
                for (int i = 0; i < count; i++) {
                    values[i] = (float) (Byte.toUnsignedInt(data.get()) * scale + min);
                }
                return values;
            }
            short[] halves = new short[count];
            data.asShortBuffer().get(halves);
            data.position(data.position() + 2 * count);
            if (quantization.equals("float16")) {
                HalfFloat.decode(halves, values);
            } else {
                for (int i = 0; i < count; i++) {
                    values[i] = (float) (Short.toUnsignedInt(halves[i]) * scale + min);
                }
            }
            return values;
        }

        private static long[] rounded(float[] values) {
            long[] out = new long[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.round(values[i]);
            }
            return out;
        }
    }
}
