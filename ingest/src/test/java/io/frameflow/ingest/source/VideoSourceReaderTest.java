package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.testing.CollectingReaderOutput;
import io.frameflow.ingest.testing.StallingHttpServer;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.testing.TestClips.Codec;
import io.frameflow.ingest.testing.TestReaderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The reader on its own, driven like the task thread drives it, with real files. */
@Timeout(60)
class VideoSourceReaderTest {
    @TempDir Path dir;

    @Test
    void aCheckpointedPositionResumesWithoutLossOrRepeat() throws Exception {
        Path clip = TestClips.write(dir.resolve("a.avi"), Codec.FFV1, 30, 64, 48);
        VideoSplit split = VideoSplit.atStart(VideoStreamSpec.of("a", clip.toString()));
        TestReaderContext ctx1 = new TestReaderContext();
        CollectingReaderOutput<StreamItem> out1 = new CollectingReaderOutput<>();
        List<VideoSplit> checkpoint;
        try (VideoSourceReader reader = new VideoSourceReader(ctx1)) {
            reader.start();
            reader.addSplits(List.of(split));
            reader.notifyNoMoreSplits();
            pollUntil(reader, out1, o -> o.emitted().size() == 12);
            checkpoint = reader.snapshotState(1);
        }
        assertThat(ctx1.splitRequests()).isEqualTo(1);
        assertThat(checkpoint)
                .containsExactly(
                        new VideoSplit(
                                split.stream(),
                                new VideoStreamPosition(12, 11 * TestClips.FRAME_MICROS, 0, 0, 0)));
        assertThat(ctx1.metrics().count("stream.a.framesDecoded")).isEqualTo(12);

        TestReaderContext ctx2 = new TestReaderContext();
        CollectingReaderOutput<StreamItem> out2 = new CollectingReaderOutput<>();
        try (VideoSourceReader reader = new VideoSourceReader(ctx2)) {
            reader.start();
            reader.addSplits(checkpoint);
            reader.notifyNoMoreSplits();
            assertThat(pollUntil(reader, out2, o -> false)).isEqualTo(InputStatus.END_OF_INPUT);
        }

        assertFrames(out1, 0, 12);
        assertFrames(out2, 12, 30);
        assertThat(ctx2.metrics().count("stream.a.framesDecoded")).isEqualTo(18);
        assertThat(ctx2.metrics().count("stream.a.framesDamaged")).isZero();
        assertThat(ctx2.metrics().count("stream.a.deadLetters")).isZero();
    }

    @Test
    void aStreamThatCannotBeOpenedEndsWithOneDeadLetterWhileTheOtherCompletes() throws Exception {
        Path clip = TestClips.write(dir.resolve("good.avi"), Codec.FFV1, 10, 64, 48);
        Path junk = TestClips.randomBytes(dir.resolve("junk.avi"), 50_000, 3);
        TestReaderContext ctx = new TestReaderContext();
        CollectingReaderOutput<StreamItem> out = new CollectingReaderOutput<>();
        try (VideoSourceReader reader = new VideoSourceReader(ctx)) {
            reader.start();
            reader.addSplits(
                    List.of(
                            VideoSplit.atStart(VideoStreamSpec.of("junk", junk.toString())),
                            VideoSplit.atStart(VideoStreamSpec.of("good", clip.toString()))));
            reader.notifyNoMoreSplits();
            assertThat(pollUntil(reader, out, o -> false)).isEqualTo(InputStatus.END_OF_INPUT);
        }

        List<DeadLetter> deadLetters =
                out.values().stream()
                        .filter(DeadLetter.class::isInstance)
                        .map(DeadLetter.class::cast)
                        .toList();
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).describe())
                .isEqualTo(
                        "stream 'junk' (open): cannot open "
                                + junk
                                + ": Invalid data found when processing input");
        assertThat(out.values().stream().filter(VideoFrame.class::isInstance)).hasSize(10);
        assertThat(ctx.metrics().count("stream.junk.deadLetters")).isEqualTo(1);
        assertThat(ctx.metrics().count("stream.good.framesDecoded")).isEqualTo(10);
    }

    @Test
    void aBlockedStreamStallsNeitherTheOthersNorTheShutdown() throws Exception {
        Path clip = TestClips.write(dir.resolve("good.avi"), Codec.FFV1, 20, 64, 48);
        CollectingReaderOutput<StreamItem> out = new CollectingReaderOutput<>();
        try (StallingHttpServer silent = new StallingHttpServer(null)) {
            VideoSourceReader reader = new VideoSourceReader(new TestReaderContext());
            long closeNanos;
            try {
                reader.start();
                VideoStreamSpec dead =
                        VideoStreamSpec.of("dead-cam", silent.url("u:pw", "/live"))
                                .withOptions(
                                        DecoderOptions.defaults()
                                                .withOpenTimeout(Duration.ofMinutes(10)));
                reader.addSplits(
                        List.of(
                                VideoSplit.atStart(dead),
                                VideoSplit.atStart(VideoStreamSpec.of("good", clip.toString()))));
                pollUntil(reader, out, o -> o.emitted().size() == 20);
            } finally {
                long start = System.nanoTime();
                reader.close();
                closeNanos = System.nanoTime() - start;
            }
            assertFrames(out, 0, 20);
            assertThat(Duration.ofNanos(closeNanos)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static void assertFrames(CollectingReaderOutput<StreamItem> out, int from, int to) {
        assertThat(out.emitted()).hasSize(to - from);
        for (int k = 0; k < out.emitted().size(); k++) {
            VideoFrame f = (VideoFrame) out.emitted().get(k).value();
            int i = from + k;
            assertThat(f.seq()).isEqualTo(i);
            assertThat(f.bgr()).as("pixels of frame %d", i).isEqualTo(TestClips.pixels(i, 64, 48));
            assertThat(out.emitted().get(k).timestamp()).isEqualTo(f.captureTimeMillis());
        }
    }

    /** Polls like the task thread until {@code done} holds or the input ends. */
    private static InputStatus pollUntil(
            VideoSourceReader reader,
            CollectingReaderOutput<StreamItem> out,
            Predicate<CollectingReaderOutput<StreamItem>> done)
            throws Exception {
        while (!done.test(out)) {
            InputStatus status = reader.pollNext(out);
            if (status == InputStatus.END_OF_INPUT) {
                return status;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get(30, TimeUnit.SECONDS);
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }
}
