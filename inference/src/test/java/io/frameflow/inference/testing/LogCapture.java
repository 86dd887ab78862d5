package io.frameflow.inference.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records what FrameFlow's inference code logs (through SLF4J, bound to Log4j in tests) while it is
 * open, so that a test can assert a log line and how often it appeared.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger;

    public LogCapture() {
        super("inference-capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        logger = (Logger) LogManager.getLogger("io.frameflow.inference");
        start();
        logger.addAppender(this);
    }

    @Override
    public void append(LogEvent event) {
        events.add(event.toImmutable());
    }

    /** The messages logged at {@code level}, formatted. */
    public List<String> lines(Level level) {
        return events.stream()
                .filter(e -> e.getLevel() == level)
                .map(e -> e.getMessage().getFormattedMessage())
                .toList();
    }

    /** The messages that {@code source}'s logger logged at {@code level}, formatted. */
    public List<String> lines(Level level, Class<?> source) {
        return events.stream()
                .filter(e -> e.getLevel() == level && source.getName().equals(e.getLoggerName()))
                .map(e -> e.getMessage().getFormattedMessage())
                .toList();
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        stop();
    }
}
