package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.testing.TestClips.Codec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FFmpeg's messages arrive in SLF4J (here: Log4j behind it) as whole lines. */
class FFmpegLogBridgeTest {
    @TempDir Path dir;

    private final Capture capture = new Capture();
    private Logger ffmpegLogger;

    @BeforeEach
    void attach() throws InterruptedException {
        // the bridge admits 20 lines a second for the whole JVM; tests that ran just before (the
        // H.264 encoder is chatty) may have used this second's share: start in a fresh one
        Thread.sleep(1_100);
        ffmpegLogger = (Logger) LogManager.getLogger("io.frameflow.ingest.ffmpeg.FFmpeg");
        capture.start();
        ffmpegLogger.addAppender(capture);
    }

    @AfterEach
    void detach() {
        ffmpegLogger.removeAppender(capture);
        capture.stop();
    }

    @Test
    void decoderErrorsArriveAsWarningsInWholeLines() throws Exception {
        Path clip = TestClips.write(dir.resolve("png.avi"), Codec.PNG, 6, 64, 48);
        TestClips.breakPngFrames(clip, 2);

        FFmpegDecoderTest.decodeAll(clip, DecoderOptions.defaults().withDecoderThreads(1));

        assertThat(capture.events)
                .anySatisfy(
                        e -> {
                            assertThat(e.getLevel()).isEqualTo(Level.WARN);
                            // FFmpeg writes this line in two calls; it must arrive as one
                            assertThat(e.getMessage().getFormattedMessage())
                                    .matches(
                                            "\\[png @ 0x[0-9a-f]+\\] CRC mismatch in chunk, skipping");
                        });
        assertThat(capture.events)
                .extracting(e -> e.getMessage().getFormattedMessage())
                .anySatisfy(m -> assertThat(m).endsWith("IDAT without IHDR"));
    }

    private static final class Capture extends AbstractAppender {
        final List<LogEvent> events = new CopyOnWriteArrayList<>();

        Capture() {
            super("capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    }
}
