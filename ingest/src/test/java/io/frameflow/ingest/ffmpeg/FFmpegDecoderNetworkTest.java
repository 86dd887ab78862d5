package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import io.frameflow.ingest.testing.StallingHttpServer;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.uri.StreamUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Deadlines and interrupts against a server that stops answering: no call may block forever. */
@Timeout(30)
class FFmpegDecoderNetworkTest {
    @TempDir Path dir;

    @Test
    void openGivesUpAfterTheOpenTimeoutWithoutShowingThePassword() throws Exception {
        try (StallingHttpServer silent = new StallingHttpServer(null)) {
            String url = silent.url("viewer:hunter2", "/cam");
            DecoderOptions options =
                    DecoderOptions.defaults().withOpenTimeout(Duration.ofMillis(400));
            long start = System.nanoTime();

            assertThatThrownBy(() -> VideoProbe.probe(url, options))
                    .isInstanceOf(FFmpegException.class)
                    .isNotInstanceOf(FFmpegInterruptedException.class)
                    .hasMessage(
                            "cannot open "
                                    + silent.url("viewer:***", "/cam")
                                    + ": no answer within 400 ms (open-timeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void interruptAbortsABlockedOpen() throws Exception {
        try (StallingHttpServer silent = new StallingHttpServer(null);
                FFmpegDecoder decoder =
                        new FFmpegDecoder(
                                StreamUri.parse(silent.url(null, "/cam")),
                                DecoderOptions.defaults()
                                        .withOpenTimeout(Duration.ofMinutes(10)))) {
            CompletableFuture<StreamInfo> open =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return decoder.open();
                                } catch (FFmpegException e) {
                                    throw new java.util.concurrent.CompletionException(e);
                                }
                            });
            Thread.sleep(300);
            assertThat(open).isNotDone();

            decoder.interrupt();

            assertThatThrownBy(() -> open.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(FFmpegInterruptedException.class);
        }
    }

    @Test
    void readGivesUpAfterTheReadTimeoutOnceTheServerStopsSending() throws Exception {
        Path clip = TestClips.write(dir.resolve("clip.avi"), TestClips.Codec.FFV1, 10, 64, 48);
        try (StallingHttpServer server = new StallingHttpServer(Files.readAllBytes(clip));
                FFmpegDecoder decoder =
                        new FFmpegDecoder(
                                StreamUri.parse(server.url("u:pw", "/live")),
                                DecoderOptions.defaults()
                                        .withReadTimeout(Duration.ofMillis(500)))) {
            decoder.open();
            int frames = 0;
            try {
                while (decoder.next() instanceof DecodedFrame f) {
                    assertThat(f.bgr()).isEqualTo(TestClips.pixels(frames, 64, 48));
                    frames++;
                }
                throw new AssertionError("the stream ended although the server kept it open");
            } catch (FFmpegException e) {
                assertThat(e)
                        .hasMessage(
                                "no data from "
                                        + server.url("u:***", "/live")
                                        + " within 500 ms (read-timeout)");
            }
            // the decoder may hold back the last frames until it sees more data
            assertThat(frames).isBetween(8, 10);
        }
    }

    @Test
    void interruptAbortsABlockedReadWhichCanThenBeRetried() throws Exception {
        Path clip = TestClips.write(dir.resolve("clip.avi"), TestClips.Codec.FFV1, 5, 64, 48);
        try (StallingHttpServer server = new StallingHttpServer(Files.readAllBytes(clip));
                FFmpegDecoder decoder =
                        new FFmpegDecoder(
                                StreamUri.parse(server.url(null, "/live")),
                                DecoderOptions.defaults()
                                        .withReadTimeout(Duration.ofMinutes(10)))) {
            decoder.open();
            CompletableFuture<DecodeEvent> blocked =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    DecodeEvent e;
                                    do {
                                        e = decoder.next();
                                    } while (e instanceof DecodedFrame);
                                    return e;
                                } catch (FFmpegException ex) {
                                    throw new java.util.concurrent.CompletionException(ex);
                                }
                            });
            Thread.sleep(500);
            assertThat(blocked).isNotDone();

            decoder.interrupt();

            assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo(DecodeEvent.Signal.INTERRUPTED);
            // still interrupted: the next read returns at once too, until cleared
            assertThat(decoder.next()).isEqualTo(DecodeEvent.Signal.INTERRUPTED);
        }
    }
}
