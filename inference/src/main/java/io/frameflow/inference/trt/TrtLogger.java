package io.frameflow.inference.trt;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.tensorrt.nvinfer.ILogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TensorRT's log, forwarded to SLF4J. TensorRT keeps a pointer to its logger for the life of every
 * builder and runtime, so there is one instance per JVM that is never freed. Errors are also kept
 * per thread while a {@link #captureErrors() capture} is open, so that a failed build or load can
 * say what TensorRT complained about.
 */
final class TrtLogger extends ILogger {
    private static final Logger LOG =
            LoggerFactory.getLogger("io.frameflow.inference.trt.TensorRT");
    private static volatile TrtLogger instance;

    private final ThreadLocal<List<String>> captured = new ThreadLocal<>();

    private TrtLogger() {}

    /** The JVM's logger; only call once {@link TrtAvailability} said TensorRT is available. */
    static TrtLogger get() {
        TrtLogger result = instance;
        if (result == null) {
            synchronized (TrtLogger.class) {
                result = instance;
                if (result == null) {
                    result = new TrtLogger();
                    instance = result;
                }
            }
        }
        return result;
    }

    @Override
    public void log(Severity severity, String message) {
        switch (severity.intern()) {
            case kINTERNAL_ERROR, kERROR -> {
                LOG.error("{}", message);
                List<String> errors = captured.get();
                if (errors != null) {
                    errors.add(message);
                }
            }
            case kWARNING -> LOG.warn("{}", message);
            case kINFO -> LOG.debug("{}", message);
            default -> LOG.trace("{}", message);
        }
    }

    /** Collects the errors TensorRT logs on this thread until the capture is closed. */
    ErrorCapture captureErrors() {
        List<String> errors = new ArrayList<>();
        captured.set(errors);
        return new ErrorCapture(errors);
    }

    /** Errors logged on one thread while it is open. */
    final class ErrorCapture implements AutoCloseable {
        private final List<String> errors;

        private ErrorCapture(List<String> errors) {
            this.errors = errors;
        }

        /** The errors so far joined for a message, or {@code no error logged}. */
        String summary() {
            return errors.isEmpty() ? "TensorRT logged no error" : String.join("; ", errors);
        }

        @Override
        public void close() {
            captured.remove();
        }
    }
}
