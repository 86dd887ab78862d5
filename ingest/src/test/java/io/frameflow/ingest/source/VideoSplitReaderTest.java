package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.testing.RecordingMetricGroup;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.testing.TestClips.Codec;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoSplitReaderTest {
    @TempDir Path dir;

    @Test
    void fetchesAFewFramesAtATimeAndReportsTheEnd() {
        Path clip = TestClips.write(dir.resolve("a.avi"), Codec.FFV1, 10, 64, 48);
        try (VideoSplitReader reader = new VideoSplitReader(() -> 0L)) {
            reader.handleSplitsChanges(
                    new SplitsAddition<>(
                            List.of(VideoSplit.atStart(VideoStreamSpec.of("a", clip.toString())))));

            List<Integer> sizes = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            Set<String> finished = Set.of();
            while (finished.isEmpty()) {
                Fetch f = fetch(reader);
                sizes.add(f.items().size());
                f.items().forEach(i -> seqs.add(((VideoFrame) i).seq()));
                finished = f.finished();
            }

            assertThat(finished).containsExactly("a");
            assertThat(sizes)
                    .allSatisfy(
                            n ->
                                    assertThat(n)
                                            .isLessThanOrEqualTo(
                                                    VideoSplitReader.MAX_FRAMES_PER_FETCH));
            assertThat(seqs).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    @Test
    void keyframesOnlyEmitsTheKeyFramesAndCountsTheOthersAsSampledOut() {
        // the clip writer starts a group of pictures, with a key frame, every 12 frames
        Path clip = TestClips.write(dir.resolve("k.avi"), Codec.MPEG4, 30, 160, 120);
        VideoStreamSpec stream = VideoStreamSpec.of("k", clip.toString());
        stream = stream.withOptions(stream.options().withKeyframesOnly(true));
        RecordingMetricGroup metrics = new RecordingMetricGroup();
        try (VideoSplitReader reader = new VideoSplitReader(() -> 0L, metrics)) {
            reader.handleSplitsChanges(new SplitsAddition<>(List.of(VideoSplit.atStart(stream))));
            List<Long> pts = new ArrayList<>();
            Set<String> finished = Set.of();
            while (finished.isEmpty()) {
                Fetch f = fetch(reader);
                f.items().forEach(i -> pts.add(((VideoFrame) i).ptsMicros()));
                finished = f.finished();
            }

            long frame = TestClips.FRAME_MICROS;
            assertThat(pts).containsExactly(0L, 12 * frame, 24 * frame);
            assertThat(metrics.count("stream.k." + VideoStreamMetrics.FRAMES_SAMPLED_OUT))
                    .isEqualTo(27);
        }
    }

    @Test
    void aLiveStreamIsDecodedByItsRunnerAndEndsAfterItsLastAttempt() throws Exception {
        byte[] clip =
                Files.readAllBytes(TestClips.write(dir.resolve("n.avi"), Codec.FFV1, 9, 64, 48));
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/n.avi",
                exchange -> {
                    exchange.sendResponseHeaders(200, clip.length);
                    try (OutputStream body = exchange.getResponseBody()) {
                        body.write(clip);
                    }
                });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/n.avi";
        // Room for every frame: on a busy machine the runner decodes faster than this loop
        // fetches, and a smaller buffer would drop frames (by design).
        LiveStreamOptions live = LiveStreamOptions.defaults().withMaxAttempts(1).withBuffer(16);
        try (VideoSplitReader reader = new VideoSplitReader(() -> 0L)) {
            reader.handleSplitsChanges(
                    new SplitsAddition<>(
                            List.of(
                                    VideoSplit.atStart(
                                            VideoStreamSpec.of("n", url).withLive(live)))));
            List<StreamItem> items = new ArrayList<>();
            Set<String> finished = Set.of();
            while (finished.isEmpty()) {
                Fetch f = fetch(reader);
                items.addAll(f.items());
                finished = f.finished();
            }
            // every frame of the connection, in order; then the end of the stream, which with
            // one attempt allowed is the stream's end (a fatal dead letter)
            assertThat(
                            items.stream()
                                    .filter(VideoFrame.class::isInstance)
                                    .map(StreamItem::streamId))
                    .hasSize(9);
            assertThat(
                            items.stream()
                                    .filter(VideoFrame.class::isInstance)
                                    .map(i -> ((VideoFrame) i).seq()))
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(items.get(items.size() - 1))
                    .isInstanceOfSatisfying(DeadLetter.class, d -> assertThat(d.fatal()).isTrue());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPausedStreamDecodesNothingUntilResumed() {
        Path clip = TestClips.write(dir.resolve("a.avi"), Codec.FFV1, 6, 64, 48);
        VideoSplit split = VideoSplit.atStart(VideoStreamSpec.of("a", clip.toString()));
        try (VideoSplitReader reader = new VideoSplitReader(() -> 0L)) {
            reader.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
            assertThat(fetch(reader).items()).isNotEmpty();

            reader.pauseOrResumeSplits(List.of(split), List.of());
            assertThat(fetch(reader).items()).isEmpty();
            assertThat(fetch(reader).items()).isEmpty();

            reader.pauseOrResumeSplits(List.of(), List.of(split));
            assertThat(fetch(reader).items()).isNotEmpty();
        }
    }

    @Test
    void anUnopenableStreamIsOneFetchWithItsDeadLetterAndTheEnd() {
        Path junk = TestClips.randomBytes(dir.resolve("junk.avi"), 10_000, 1);
        try (VideoSplitReader reader = new VideoSplitReader(() -> 42L)) {
            reader.handleSplitsChanges(
                    new SplitsAddition<>(
                            List.of(VideoSplit.atStart(VideoStreamSpec.of("j", junk.toString())))));
            Fetch f = fetch(reader);
            while (f.items().isEmpty() && f.finished().isEmpty()) {
                f = fetch(reader);
            }
            assertThat(f.finished()).containsExactly("j");
            assertThat(f.items()).hasSize(1);
            DeadLetter d = (DeadLetter) f.items().get(0);
            assertThat(d.timeMillis()).isEqualTo(42L);
            assertThat(d.fatal()).isTrue();
        }
    }

    private record Fetch(List<StreamItem> items, Set<String> finished) {}

    private static Fetch fetch(VideoSplitReader reader) {
        RecordsWithSplitIds<StreamItem> records = reader.fetch();
        List<StreamItem> items = new ArrayList<>();
        while (records.nextSplit() != null) {
            StreamItem item;
            while ((item = records.nextRecordFromSplit()) != null) {
                items.add(item);
            }
        }
        return new Fetch(items, records.finishedSplits());
    }
}
