package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import io.frameflow.ingest.uri.UriRedactor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's log to SLF4J (logger {@code io.frameflow.ingest.ffmpeg.FFmpeg}) instead of stderr.
 * Only warnings and worse pass; FFmpeg's errors become SLF4J warnings, because most of them are
 * about single damaged packets, which the source already reports as damaged frames and dead
 * letters. A broken camera can produce thousands of lines a second, so at most 20 lines a second
 * pass; the number held back is logged with the next line that passes.
 */
public final class FFmpegLogBridge {
    static final int LINES_PER_SECOND = 20;
    private static final int MAX_LINE = 4096;

    private static final Logger LOG = LoggerFactory.getLogger("io.frameflow.ingest.ffmpeg.FFmpeg");
    private static Callback callback;

    private FFmpegLogBridge() {}

    /**
     * Installs the bridge once per JVM; later calls do nothing. {@link FFmpegDecoder} calls it;
     * other code that uses FFmpeg first (e.g. a recorder) should call it before.
     */
    public static synchronized void install() {
        if (callback == null) {
            callback = new Callback();
            // FFmpeg formats each line in the presets' native helper, which then calls us; the
            // level also stops FFmpeg from calling up into Java for every debug message
            av_log_set_level(AV_LOG_WARNING);
            setLogCallback(callback);
        }
    }

    private static final class Callback extends LogCallback {
        private final AtomicLong windowStartMillis = new AtomicLong();
        private final AtomicLong linesInWindow = new AtomicLong();
        private final AtomicLong suppressed = new AtomicLong();

        // FFmpeg builds some lines from several calls; only the last one ends with a newline
        private final ThreadLocal<StringBuilder> partial =
                ThreadLocal.withInitial(StringBuilder::new);

        @Override
        public void call(int level, BytePointer message) {
            if (level > AV_LOG_WARNING || message == null) {
                return;
            }
            String piece = message.getString(StandardCharsets.UTF_8);
            StringBuilder line = partial.get();
            line.append(piece);
            if (!piece.endsWith("\n") && line.length() < MAX_LINE) {
                return;
            }
            String text = UriRedactor.redact(line.toString()).strip();
            line.setLength(0);
            if (text.isEmpty() || !admit()) {
                return;
            }
            if (level <= AV_LOG_FATAL) {
                LOG.error(text);
            } else if (level <= AV_LOG_ERROR) {
                LOG.warn(text);
            } else {
                LOG.info(text);
            }
        }

        private boolean admit() {
            long now = System.currentTimeMillis();
            long start = windowStartMillis.get();
            if (now - start >= 1000 && windowStartMillis.compareAndSet(start, now)) {
                linesInWindow.set(0);
                long dropped = suppressed.getAndSet(0);
                if (dropped > 0) {
                    LOG.warn("{} more FFmpeg messages in the last second were not logged", dropped);
                }
            }
            if (linesInWindow.incrementAndGet() > LINES_PER_SECOND) {
                suppressed.incrementAndGet();
                return false;
            }
            return true;
        }
    }
}
