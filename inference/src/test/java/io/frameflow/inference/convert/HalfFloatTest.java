package io.frameflow.inference.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HalfFloatTest {

    /** Bit patterns and values from the IEEE 754 binary16 definition. */
    @ParameterizedTest
    @CsvSource({
        "0x0000, 0.0",
        "0x3C00, 1.0",
        "0xC000, -2.0",
        "0x3555, 0.333251953125",
        "0x7BFF, 65504.0",
        "0x0400, 0.00006103515625",
        "0x0001, 0.000000059604644775390625",
        "0x83FF, -0.000060975551605224609375",
        "0x7C00, Infinity",
        "0xFC00, -Infinity"
    })
    void decodesBinary16(String bits, float expected) {
        assertEquals(expected, HalfFloat.toFloat((short) Integer.parseInt(bits.substring(2), 16)));
    }

    @Test
    void keepsTheSignOfZeroAndNaN() {
        assertEquals(
                Float.floatToIntBits(-0f), Float.floatToIntBits(HalfFloat.toFloat((short) 0x8000)));
        assertTrue(Float.isNaN(HalfFloat.toFloat((short) 0x7E00)));
    }
}
