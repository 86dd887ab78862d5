package io.frameflow.inference.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrtAvailabilityTest {
    @TempDir Path dir;

    @Test
    void withoutADriverItSaysSoWithoutLoadingNativeCode() {
        TrtAvailability result = TrtAvailability.probe(List.of(dir.resolve("version")));
        assertThat(result.isAvailable()).isFalse();
        assertThat(result.platform()).isEmpty();
        assertThat(result.reason())
                .isEqualTo("no NVIDIA driver (" + dir.resolve("version") + " missing)");
    }

    @Test
    void theProbeRunsOncePerJvm() {
        assertThat(TrtAvailability.get()).isSameAs(TrtAvailability.get());
        TrtAvailability result = TrtAvailability.get();
        assertThat(result.isAvailable() ? "" : result.reason()).isNotNull();
        assertThat(result.isAvailable()).isEqualTo(result.reason().isEmpty());
    }

    /**
     * Pretends that a driver is loaded, so that the probe really loads the CUDA runtime through
     * JavaCPP. Without libcuda.so.1 that fails inside native library loading; the probe must turn
     * it into a reason, and the JVM must go on (this test finishing is the proof).
     */
    @Test
    void aMissingCudaLibraryIsAReasonNotACrash() throws IOException {
        assumeFalse(TrtAvailability.get().isAvailable(), "TensorRT really runs here");
        Path fakeDriver = Files.writeString(dir.resolve("version"), "NVRM version: none\n");
        TrtAvailability first = TrtAvailability.probe(List.of(fakeDriver));
        TrtAvailability second = TrtAvailability.probe(List.of(fakeDriver));
        assertThat(first.isAvailable()).isFalse();
        assertThat(first.reason())
                .satisfiesAnyOf(
                        r -> assertThat(r).startsWith("CUDA runtime cannot be loaded: "),
                        r -> assertThat(r).startsWith("CUDA device"),
                        r -> assertThat(r).startsWith("libnvinfer.so.10 not found: "));
        assertThat(second.isAvailable()).isFalse();
        assertThat(second.reason()).isNotBlank();
    }

    @Test
    void rootMessageNamesTheInnermostCause() {
        Throwable wrapped = new NoClassDefFoundError("Could not initialize class cudart");
        wrapped.initCause(
                new ExceptionInInitializerError(
                        new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file")));
        assertThat(TrtAvailability.rootMessage(wrapped))
                .isEqualTo("UnsatisfiedLinkError: libcuda.so.1: cannot open shared object file");
    }

    @Test
    void tensorRtVersionsAreDecoded() {
        assertThat(TrtNativeProbe.versionText(101501)).isEqualTo("10.15.1");
        assertThat(TrtNativeProbe.versionText(100600)).isEqualTo("10.6.0");
    }
}
