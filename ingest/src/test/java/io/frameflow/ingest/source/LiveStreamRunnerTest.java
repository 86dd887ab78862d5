package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.testing.LogCapture;
import io.frameflow.ingest.testing.StallingHttpServer;
import io.frameflow.ingest.testing.TestClips;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A live stream's decode thread against servers that refuse, never answer, or stop sending. */
@Timeout(60)
class LiveStreamRunnerTest {
    private static final String SECRET = "hunter2";
    private static final LiveStreamOptions QUICK =
            LiveStreamOptions.defaults()
                    .withDelays(Duration.ofMillis(50), Duration.ofMillis(200))
                    .withStallTimeout(Duration.ofMillis(700));

    // frame threads hold pictures back until more packets come; a stalled stream sends none
    private static final DecoderOptions ONE_THREAD =
            DecoderOptions.defaults().withDecoderThreads(1);

    @TempDir Path dir;

    private final List<StreamItem> items = new ArrayList<>();

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static LiveStreamRunner runner(VideoStreamSpec spec, StreamStatus status) {
        LiveStreamRunner r =
                new LiveStreamRunner(
                        VideoSplit.atStart(spec),
                        status,
                        System::currentTimeMillis,
                        System::nanoTime,
                        new SplittableRandom(1));
        r.start();
        return r;
    }

    private static StreamStatus status(VideoStreamSpec spec) {
        return new StreamStatus(spec.id(), spec.redactedUri(), System::currentTimeMillis);
    }

    /** Takes items until {@code done} holds for them or the stream ends; true if it held. */
    private boolean drainUntil(LiveStreamRunner r, Predicate<List<StreamItem>> done)
            throws InterruptedException {
        while (!done.test(items)) {
            if (r.buffer().take(items, 16, 50)) {
                return done.test(items);
            }
        }
        return true;
    }

    private List<DeadLetter> deadLetters() {
        return items.stream()
                .filter(DeadLetter.class::isInstance)
                .map(DeadLetter.class::cast)
                .toList();
    }

    private List<Long> seqs() {
        return items.stream()
                .filter(VideoFrame.class::isInstance)
                .map(i -> ((VideoFrame) i).seq())
                .toList();
    }

    @Test
    void aRefusedConnectionBacksOffAndRetriesUntilMaxAttemptsThenFails() throws Exception {
        String uri = "http://viewer:" + SECRET + "@127.0.0.1:" + closedPort() + "/cam";
        VideoStreamSpec spec = VideoStreamSpec.of("gate", uri).withLive(QUICK.withMaxAttempts(4));
        StreamStatus status = status(spec);
        try (LogCapture log = new LogCapture();
                LiveStreamRunner r = runner(spec, status)) {
            assertThat(drainUntil(r, i -> false)).isFalse();

            assertThat(status.state()).isEqualTo(StreamState.FAILED);
            assertThat(status.reconnects()).isEqualTo(3);
            List<DeadLetter> letters = deadLetters();
            assertThat(letters).hasSize(4);
            assertThat(letters.subList(0, 3))
                    .allSatisfy(
                            d -> {
                                assertThat(d.fatal()).isFalse();
                                assertThat(d.stage()).isEqualTo("open");
                                assertThat(d.reason())
                                        .startsWith("cannot open http://viewer:***@127.0.0.1:")
                                        .contains("Connection refused; reconnecting in ");
                            });
            DeadLetter last = letters.get(3);
            assertThat(last.fatal()).isTrue();
            assertThat(last.reason())
                    .endsWith("Connection refused; gave up after 4 failed attempts in a row");
            assertThat(log.linesContaining("stream 'gate'"))
                    .anySatisfy(l -> assertThat(l).contains("CONNECTING -> BACKING_OFF"))
                    .anySatisfy(l -> assertThat(l).contains("BACKING_OFF -> CONNECTING"))
                    .anySatisfy(l -> assertThat(l).contains("CONNECTING -> FAILED"))
                    .anySatisfy(l -> assertThat(l).contains("reconnecting (attempt 4"));
            assertThat(log.lines()).noneMatch(l -> l.contains(SECRET));
            assertThat(letters).noneMatch(d -> d.describe().contains(SECRET));
        }
    }

    @Test
    void aListenerThatNeverSpeaksTimesOutTheOpenAndBacksOffWhileCloseStaysQuick() throws Exception {
        try (StallingHttpServer silent = new StallingHttpServer(null)) {
            String uri = silent.url("viewer:" + SECRET, "/live").replace("http:", "rtsp:");
            VideoStreamSpec spec =
                    VideoStreamSpec.of("door", uri)
                            .withOptions(
                                    DecoderOptions.defaults()
                                            .withOpenTimeout(Duration.ofMillis(300)))
                            .withLive(
                                    QUICK.withDelays(
                                            Duration.ofSeconds(30), Duration.ofMinutes(1)));
            StreamStatus status = status(spec);
            LiveStreamRunner r = runner(spec, status);
            drainUntil(r, i -> !i.isEmpty());

            DeadLetter d = deadLetters().get(0);
            assertThat(d.fatal()).isFalse();
            assertThat(d.reason())
                    .startsWith("cannot open rtsp://viewer:***@127.0.0.1:")
                    .contains("no answer within 300 ms (open-timeout); reconnecting in ");
            assertThat(status.state()).isEqualTo(StreamState.BACKING_OFF);

            long start = System.nanoTime();
            r.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("close cuts a 30 s backoff short")
                    .isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aStreamThatStopsSendingStallsReconnectsAndShowsTheOutageInItsSequence() throws Exception {
        Path clip = TestClips.write(dir.resolve("clip.avi"), TestClips.Codec.FFV1, 5, 64, 48);
        try (StallingHttpServer server = new StallingHttpServer(Files.readAllBytes(clip));
                LogCapture log = new LogCapture()) {
            // the server sends the clip and then nothing: each connection gives 5 frames, stalls
            VideoStreamSpec spec =
                    VideoStreamSpec.of("lobby", server.url("u:" + SECRET, "/live"))
                            .withOptions(ONE_THREAD)
                            .withLive(QUICK.withBuffer(16));
            StreamStatus status = status(spec);
            try (LiveStreamRunner r = runner(spec, status)) {
                drainUntil(r, i -> seqs().size() >= 10);
            }

            List<Long> seqs = seqs();
            assertThat(seqs.subList(0, 5)).containsExactly(0L, 1L, 2L, 3L, 4L);
            // the second connection starts after a stall of 0.7 s and a backoff of about 50 ms:
            // at 25 fps that is at least 18 frame slots
            assertThat(seqs.get(5)).isGreaterThanOrEqualTo(4 + 18);
            assertThat(seqs.subList(5, 10))
                    .containsExactly(
                            seqs.get(5),
                            seqs.get(5) + 1,
                            seqs.get(5) + 2,
                            seqs.get(5) + 3,
                            seqs.get(5) + 4);
            List<Long> pts =
                    items.stream()
                            .filter(VideoFrame.class::isInstance)
                            .map(i -> ((VideoFrame) i).ptsMicros())
                            .toList();
            assertThat(pts).isSorted().doesNotHaveDuplicates();
            assertThat(pts.get(5) - pts.get(4))
                    .isEqualTo((seqs.get(5) - seqs.get(4)) * TestClips.FRAME_MICROS);
            assertThat(status.reconnects()).isGreaterThanOrEqualTo(1);
            assertThat(deadLetters())
                    .anySatisfy(
                            d -> {
                                assertThat(d.stage()).isEqualTo("stall");
                                assertThat(d.reason())
                                        .startsWith("no picture from http://u:***@127.0.0.1:")
                                        .contains("within 700 ms (stall-timeout)");
                            });
            assertThat(log.linesContaining("stream 'lobby'"))
                    .anySatisfy(l -> assertThat(l).contains("CONNECTING -> LIVE"))
                    .anySatisfy(l -> assertThat(l).contains("LIVE -> STALLED"))
                    .anySatisfy(l -> assertThat(l).contains("STALLED -> BACKING_OFF"));
            assertThat(log.lines()).noneMatch(l -> l.contains(SECRET));
        }
    }

    @Test
    void aPipelineThatFallsBehindGetsTheNewestFramesAndEveryDropIsCounted() throws Exception {
        Path clip = TestClips.write(dir.resolve("clip.avi"), TestClips.Codec.FFV1, 60, 64, 48);
        try (StallingHttpServer server = new StallingHttpServer(Files.readAllBytes(clip))) {
            VideoStreamSpec spec =
                    VideoStreamSpec.of("fast", server.url(null, "/live"))
                            .withMaxFrames(60)
                            .withOptions(ONE_THREAD)
                            .withLive(QUICK.withBuffer(3));
            StreamStatus status = status(spec);
            try (LiveStreamRunner r = runner(spec, status)) {
                // nobody takes until the decode thread has reached the frame limit
                while (status.state() != StreamState.FINISHED) {
                    Thread.sleep(20);
                }
                drainUntil(r, i -> false);
            }

            assertThat(seqs()).containsExactly(57L, 58L, 59L);
            assertThat(status.drops()).isEqualTo(57);
        }
    }
}
