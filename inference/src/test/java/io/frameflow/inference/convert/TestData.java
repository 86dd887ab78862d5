package io.frameflow.inference.convert;

import java.util.Random;

/** Seeded test values. */
final class TestData {
    private TestData() {}

    static float[] uniform(int count, long seed) {
        Random random = new Random(seed);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = random.nextFloat() * 2 - 1;
        }
        return out;
    }

    /** Multiples of 1/64 in [-2, 2): exact in half precision, so float16 weights lose nothing. */
    static float[] halfExact(int count, long seed) {
        Random random = new Random(seed);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (random.nextInt(256) - 128) / 64f;
        }
        return out;
    }
}
