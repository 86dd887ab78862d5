package io.frameflow.inference.trt;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.inference.runtime.Precision;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EngineCacheKeyTest {
    static final TrtPlatform H200 = new TrtPlatform("10.15.1", 0, "NVIDIA H200", 9, 0);

    static EngineCacheKey key() {
        return EngineCacheKey.of(
                "a".repeat(64),
                H200,
                Precision.FP16,
                "x",
                new long[] {1, 3, 64, 64},
                new long[] {8, 3, 64, 64},
                new long[] {8, 3, 64, 64});
    }

    @Test
    void equalKeysShareOneEntry() {
        assertThat(key()).isEqualTo(key());
        assertThat(key().fileName()).isEqualTo(key().fileName());
        assertThat(key().fileName()).matches("engine-[0-9a-f]{32}");
    }

    @Test
    void theCanonicalFormListsEveryPart() {
        assertThat(key().canonical())
                .isEqualTo(
                        "format=1\nmodel-sha256="
                                + "a".repeat(64)
                                + "\ntensorrt=10.15.1\ngpu=NVIDIA H200\ncompute-capability=9.0"
                                + "\nprecision=fp16\nprofile-input=x\nprofile-min=1x3x64x64"
                                + "\nprofile-opt=8x3x64x64\nprofile-max=8x3x64x64\n");
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("model sha256", k -> with(k, 0, "b".repeat(64))),
                change("TensorRT version", k -> with(k, 1, "10.15.2")),
                change("GPU name", k -> with(k, 2, "NVIDIA L4")),
                change("compute capability", k -> with(k, 3, "8.9")),
                change("precision", k -> with(k, 4, Precision.FP32)),
                change("profile input", k -> with(k, 5, "images")),
                change("profile min", k -> with(k, 6, List.of(2L, 3L, 64L, 64L))),
                change("profile opt", k -> with(k, 7, List.of(4L, 3L, 64L, 64L))),
                change("profile max", k -> with(k, 8, List.of(16L, 3L, 64L, 64L))),
                change(
                        "item shape",
                        k ->
                                with(
                                        with(
                                                with(k, 6, List.of(1L, 3L, 32L, 64L)),
                                                7,
                                                List.of(8L, 3L, 32L, 64L)),
                                        8,
                                        List.of(8L, 3L, 32L, 64L))));
    }

    private static Arguments change(String part, UnaryOperator<EngineCacheKey> change) {
        return Arguments.of(part, change);
    }

    @SuppressWarnings("unchecked")
    private static EngineCacheKey with(EngineCacheKey k, int part, Object value) {
        return new EngineCacheKey(
                part == 0 ? (String) value : k.modelSha256(),
                part == 1 ? (String) value : k.tensorRtVersion(),
                part == 2 ? (String) value : k.gpuName(),
                part == 3 ? (String) value : k.computeCapability(),
                part == 4 ? (Precision) value : k.precision(),
                part == 5 ? (String) value : k.input(),
                part == 6 ? (List<Long>) value : k.minShape(),
                part == 7 ? (List<Long>) value : k.optShape(),
                part == 8 ? (List<Long>) value : k.maxShape());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyChangedPartGivesAnotherEntry(String part, UnaryOperator<EngineCacheKey> change) {
        EngineCacheKey changed = change.apply(key());
        assertThat(changed).isNotEqualTo(key());
        assertThat(changed.fileName()).isNotEqualTo(key().fileName());
    }
}
