package io.frameflow.inference.convert;

/** IEEE 754 binary16 decoding; Java 17 has no {@code Float.float16ToFloat}. */
final class HalfFloat {
    private static final int EXPONENT_BIAS_DIFFERENCE = 127 - 15;

    private HalfFloat() {}

    static float toFloat(short bits) {
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
