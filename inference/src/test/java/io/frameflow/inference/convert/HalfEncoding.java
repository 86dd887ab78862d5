package io.frameflow.inference.convert;

/** Encodes floats that are exact in IEEE binary16, for writing float16 test weights. */
final class HalfEncoding {
    private HalfEncoding() {}

    static short exactHalf(float value) {
        if (value == 0f) {
            return (short) (Float.floatToRawIntBits(value) >>> 16);
        }
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
        int mantissa = bits & 0x7fffff;
        if (exponent < 1 || exponent > 30 || (mantissa & 0x1fff) != 0) {
            throw new IllegalArgumentException(value + " is not a normal half-precision value");
        }
        return (short) (sign | (exponent << 10) | (mantissa >>> 13));
    }
}
