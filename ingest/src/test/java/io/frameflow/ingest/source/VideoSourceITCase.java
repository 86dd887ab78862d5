package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.testing.TestClips.Codec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The source in real jobs on a MiniCluster with two slots, reading real clips. */
class VideoSourceITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path dir;

    @Test
    void everyFrameOfEveryStreamArrivesOnceInOrderWithParallelismTwo() throws Exception {
        VideoSource source =
                VideoSource.builder()
                        .addStream("a", clip("a.avi", Codec.FFV1, 40, 64, 48))
                        .addStream("b", clip("b.avi", Codec.PNG, 25, 96, 64))
                        .addStream("c", clip("c.avi", Codec.FFV1, 30, 160, 120), 12)
                        .addStream("d", clip("d.avi", Codec.FFV1, 18, 64, 48))
                        .build();

        Map<String, List<StreamItem>> byStream = group(run(source));

        assertThat(byStream).containsOnlyKeys("a", "b", "c", "d");
        assertFrames(byStream.get("a"), 40, 64, 48);
        assertFrames(byStream.get("b"), 25, 96, 64);
        assertFrames(byStream.get("c"), 12, 160, 120);
        assertFrames(byStream.get("d"), 18, 64, 48);
    }

    @Test
    void streamsThatCannotBeReadEndWithAFatalDeadLetterAndTheJobGoesOn() throws Exception {
        Path missing = dir.resolve("missing.avi");
        Path junk = TestClips.randomBytes(dir.resolve("junk.avi"), 50_000, 11);
        Path wav = TestClips.silentWav(dir.resolve("sound.wav"));
        DecoderOptions quick = DecoderOptions.defaults().withOpenTimeout(Duration.ofSeconds(5));
        VideoSource source =
                VideoSource.builder()
                        .addStream("missing", missing.toString())
                        .addStream("good", clip("good.avi", Codec.FFV1, 30, 64, 48))
                        .addStream("junk", junk.toString())
                        .addStream("sound", wav.toString())
                        .addStream(
                                VideoStreamSpec.of("cam", "http://viewer:s3cret@127.0.0.1:1/live")
                                        .withMaxFrames(10)
                                        .withOptions(quick)
                                        .withLive(LiveStreamOptions.defaults().withMaxAttempts(1)))
                        .build();

        Map<String, List<StreamItem>> byStream = group(run(source));

        assertFrames(byStream.get("good"), 30, 64, 48);
        assertThat(onlyDeadLetter(byStream.get("missing")).reason())
                .isEqualTo("cannot open " + missing + ": No such file or directory");
        assertThat(onlyDeadLetter(byStream.get("junk")).reason())
                .isEqualTo("cannot open " + junk + ": Invalid data found when processing input");
        assertThat(onlyDeadLetter(byStream.get("sound")).reason())
                .isEqualTo("cannot open " + wav + ": no video stream");
        assertThat(onlyDeadLetter(byStream.get("cam")).reason())
                .isEqualTo("cannot open http://viewer:***@127.0.0.1:1/live: Connection refused")
                .doesNotContain("s3cret");
    }

    @Test
    void aDamagedFileGivesDamagedFramesOrDeadLettersAndStillEnds() throws Exception {
        Path damaged =
                TestClips.damageMiddle(
                        TestClips.write(dir.resolve("damaged.avi"), Codec.MPEG4, 75, 320, 240),
                        8,
                        300,
                        5);
        VideoSource source =
                VideoSource.builder()
                        .addStream("damaged", damaged.toString())
                        .addStream("clean", clip("clean.avi", Codec.FFV1, 20, 64, 48))
                        .build();

        Map<String, List<StreamItem>> byStream = group(run(source));

        List<StreamItem> items = byStream.get("damaged");
        List<VideoFrame> frames = frames(items);
        long damagedFrames = frames.stream().filter(VideoFrame::damaged).count();
        List<DeadLetter> deadLetters = deadLetters(items);
        assertThat(damagedFrames + deadLetters.size()).isPositive();
        assertThat(deadLetters).allSatisfy(d -> assertThat(d.fatal()).isFalse());
        assertThat(frames).extracting(VideoFrame::seq).isEqualTo(range(frames.size()));
        assertThat(frames.size()).isGreaterThan(40);
        assertFrames(byStream.get("clean"), 20, 64, 48);
    }

    private String clip(String name, Codec codec, int frames, int width, int height) {
        return TestClips.write(dir.resolve(name), codec, frames, width, height).toString();
    }

    private static List<StreamItem> run(VideoSource source) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<StreamItem> items = new ArrayList<>();
        try (CloseableIterator<StreamItem> it =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "video")
                        .executeAndCollect("video source test")) {
            it.forEachRemaining(items::add);
        }
        return items;
    }

    private static Map<String, List<StreamItem>> group(List<StreamItem> items) {
        return items.stream().collect(Collectors.groupingBy(StreamItem::streamId));
    }

    private static void assertFrames(List<StreamItem> items, int count, int width, int height) {
        assertThat(deadLetters(items)).isEmpty();
        List<VideoFrame> frames = frames(items);
        assertThat(frames).extracting(VideoFrame::seq).isEqualTo(range(count));
        for (VideoFrame f : frames) {
            int i = (int) f.seq();
            assertThat(f.ptsMicros()).isEqualTo(i * TestClips.FRAME_MICROS);
            assertThat(f.bgr())
                    .as("pixels of frame %d", i)
                    .isEqualTo(TestClips.pixels(i, width, height));
        }
    }

    private static DeadLetter onlyDeadLetter(List<StreamItem> items) {
        assertThat(items).hasSize(1);
        DeadLetter d = (DeadLetter) items.get(0);
        assertThat(d.fatal()).isTrue();
        assertThat(d.seq()).isEqualTo(DeadLetter.WHOLE_STREAM);
        assertThat(d.stage()).isEqualTo("open");
        return d;
    }

    private static List<VideoFrame> frames(List<StreamItem> items) {
        return items.stream()
                .filter(VideoFrame.class::isInstance)
                .map(VideoFrame.class::cast)
                .toList();
    }

    private static List<DeadLetter> deadLetters(List<StreamItem> items) {
        return items.stream()
                .filter(DeadLetter.class::isInstance)
                .map(DeadLetter.class::cast)
                .toList();
    }

    private static List<Long> range(int n) {
        return LongStream.range(0, n).boxed().toList();
    }
}
