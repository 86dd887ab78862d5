package io.frameflow.inference.trt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether TensorRT can run in this JVM, and if not, why. The probe runs once per JVM ({@link
 * #get()}) and never throws: on a machine without an NVIDIA driver it only checks two files; where
 * a driver is present it loads the CUDA runtime and libnvinfer through JavaCPP, catching the {@code
 * UnsatisfiedLinkError} / {@code NoClassDefFoundError} that a missing library causes.
 *
 * @param platform the TensorRT version and GPU, when available
 * @param reason why TensorRT cannot run, when unavailable (for log lines and errors)
 */
public record TrtAvailability(Optional<TrtPlatform> platform, String reason) {
    /** Files that exist where the NVIDIA kernel driver is loaded. */
    static final List<Path> DRIVER_MARKERS =
            List.of(Path.of("/proc/driver/nvidia/version"), Path.of("/dev/nvidia0"));

    private static volatile TrtAvailability cached;

    public TrtAvailability {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(reason, "reason");
    }

    static TrtAvailability available(TrtPlatform platform) {
        return new TrtAvailability(Optional.of(platform), "");
    }

    static TrtAvailability unavailable(String reason) {
        return new TrtAvailability(Optional.empty(), reason);
    }

    /** Whether engines can be built and run here. */
    public boolean isAvailable() {
        return platform.isPresent();
    }

    /** The result of this JVM's probe (run on the first call). */
    public static TrtAvailability get() {
        TrtAvailability result = cached;
        if (result == null) {
            synchronized (TrtAvailability.class) {
                result = cached;
                if (result == null) {
                    result = probe(DRIVER_MARKERS);
                    cached = result;
                }
            }
        }
        return result;
    }

    /**
     * Probes now, without the cache.
     *
     * @param driverMarkers files of which at least one exists where an NVIDIA driver is loaded; the
     *     native libraries are only touched if one does
     */
    static TrtAvailability probe(List<Path> driverMarkers) {
        if (driverMarkers.stream().noneMatch(Files::exists)) {
            return unavailable("no NVIDIA driver (" + driverMarkers.get(0) + " missing)");
        }
        try {
            return TrtNativeProbe.run();
        } catch (Throwable t) {
            // Any failure to load or query native code means "cannot run here": the probe must
            // never take the JVM (or the job's startup) down with it.
            return unavailable("TensorRT probe failed: " + rootMessage(t));
        }
    }

    /** The innermost cause's message, which names the missing library. */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}
