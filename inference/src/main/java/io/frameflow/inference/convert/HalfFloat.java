package io.frameflow.inference.convert;

/** IEEE 754 binary16 decoding; Java 17 has no {@code Float.float16ToFloat}. */
final class HalfFloat {
    private static final int EXPONENT_BIAS_DIFFERENCE = 127 - 15;

    /** Every half value as a float: 256 KiB that turn decoding into one array lookup. */
    private static final float[] TABLE = new float[1 << 16];

    static {
        for (int bits = 0; bits < TABLE.length; bits++) {
            TABLE[bits] = convert((short) bits);
        }
    }

    private HalfFloat() {}

    static float toFloat(short bits) {
        return TABLE[bits & 0xffff];
    }

    /** Decodes {@code count} halves from {@code in} into {@code out}. */
    static void decode(short[] in, float[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = TABLE[in[i] & 0xffff];
        }
    }

    private static float convert(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24, exact in float
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1f) {
            // infinity keeps a zero mantissa; NaN keeps its payload
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(
                sign | ((exponent + EXPONENT_BIAS_DIFFERENCE) << 23) | (mantissa << 13));
    }
}
