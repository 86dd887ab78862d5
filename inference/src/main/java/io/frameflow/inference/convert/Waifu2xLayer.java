package io.frameflow.inference.convert;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One convolution of a waifu2x JSON model: torch's {@code nn.SpatialConvolutionMM} with its weights
 * [out][in][kH][kW] and bias [out] inline, stride 1 and no padding (the model shrinks the picture
 * by its offset on every side).
 */
record Waifu2xLayer(
        int inputPlanes, int outputPlanes, int kernelH, int kernelW, float[] weight, float[] bias) {
    static final String CONVOLUTION = "nn.SpatialConvolutionMM";

    /** Parses layer {@code index}; every problem names the layer and the key. */
    static Waifu2xLayer parse(JsonNode json, int index) {
        String className = json.path("class_name").asText("");
        if (!CONVOLUTION.equals(className)) {
            throw problem(
                    index,
                    "class_name '"
                            + className
                            + "' is not supported; only "
                            + CONVOLUTION
                            + " layers (the vgg_7 architecture) are");
        }
        for (String key : new String[] {"dW", "dH"}) {
            if (positive(json, key, index) != 1) {
                throw problem(index, key + " " + json.path(key) + " is not supported; only 1 is");
            }
        }
        for (String key : new String[] {"padW", "padH"}) {
            if (json.path(key).asInt(-1) != 0) {
                throw problem(index, key + " " + json.path(key) + " is not supported; only 0 is");
            }
        }
        int in = positive(json, "nInputPlane", index);
        int out = positive(json, "nOutputPlane", index);
        int kh = positive(json, "kH", index);
        int kw = positive(json, "kW", index);
        if (kh % 2 == 0 || kw % 2 == 0) {
            throw problem(index, "kernel " + kh + "x" + kw + " is not odd-sized");
        }
        float[] weight = new float[out * in * kh * kw];
        int filled = flatten(json.path("weight"), new int[] {out, in, kh, kw}, 0, weight, 0, index);
        if (filled != weight.length) {
            throw problem(index, "weight has " + filled + " values; expected " + weight.length);
        }
        float[] bias = new float[out];
        flatten(json.path("bias"), new int[] {out}, 0, bias, 0, index);
        return new Waifu2xLayer(in, out, kh, kw, weight, bias);
    }

    private static int positive(JsonNode json, String key, int index) {
        JsonNode value = json.path(key);
        if (!value.canConvertToInt() || value.asInt() <= 0) {
            throw problem(
                    index,
                    key
                            + " is "
                            + (value.isMissingNode() ? "missing" : value)
                            + "; expected a positive integer");
        }
        return value.asInt();
    }

    /**
     * Copies a nested array of the given shape into {@code out} row-major; returns the next index.
     */
    private static int flatten(
            JsonNode node, int[] shape, int axis, float[] out, int at, int index) {
        String key = shape.length == 1 ? "bias" : "weight";
        if (!node.isArray() || node.size() != shape[axis]) {
            throw problem(
                    index,
                    key
                            + " has "
                            + (node.isArray() ? node.size() + " entries" : "no array")
                            + " at depth "
                            + axis
                            + "; expected "
                            + shape[axis]);
        }
        int next = at;
        for (JsonNode child : node) {
            if (axis == shape.length - 1) {
                if (!child.isNumber()) {
                    throw problem(index, key + " holds a non-number: " + child);
                }
                out[next++] = (float) child.doubleValue();
            } else {
                next = flatten(child, shape, axis + 1, out, next, index);
            }
        }
        return next;
    }

    static ModelConversionException problem(int index, String message) {
        return new ModelConversionException("waifu2x layer " + index + ": " + message);
    }
}
