package io.frameflow.ingest.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects every line logged under {@code io.frameflow.ingest} (FFmpeg's own log included) while it
 * is open, so that a test can assert what was logged, and what never was.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger;

    public LogCapture() {
        super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        logger = (Logger) LogManager.getLogger("io.frameflow.ingest");
        start();
        logger.addAppender(this);
    }

    @Override
    public void append(LogEvent event) {
        events.add(event.toImmutable());
    }

    /** The formatted lines so far, with the stack traces of logged exceptions. */
    public List<String> lines() {
        return events.stream()
                .map(
                        e ->
                                e.getMessage().getFormattedMessage()
                                        + (e.getThrown() == null ? "" : " " + e.getThrown()))
                .toList();
    }

    /** The lines so far that contain {@code text}. */
    public List<String> linesContaining(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        stop();
    }
}
