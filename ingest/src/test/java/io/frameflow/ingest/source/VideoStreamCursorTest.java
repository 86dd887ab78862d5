package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.testing.TestClips.Codec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VideoStreamCursorTest {
    private static final long NOW = 1_700_000_000_000L;

    @TempDir Path dir;

    @Test
    void emitsEveryFrameWithMediaTime() {
        Path clip = TestClips.write(dir.resolve("a.avi"), Codec.FFV1, 8, 64, 48);

        List<StreamItem> items =
                readAll(VideoSplit.atStart(VideoStreamSpec.of("a", clip.toString())));

        assertThat(items).hasSize(8);
        for (int i = 0; i < 8; i++) {
            VideoFrame f = (VideoFrame) items.get(i);
            assertThat(f.streamId()).isEqualTo("a");
            assertThat(f.seq()).isEqualTo(i);
            assertThat(f.ptsMicros()).isEqualTo(i * TestClips.FRAME_MICROS);
            assertThat(f.captureTimeMillis()).isEqualTo(i * TestClips.FRAME_MICROS / 1000);
            assertThat(f.timeSource()).isEqualTo(TimeSource.MEDIA);
            assertThat(f.bgr()).isEqualTo(TestClips.pixels(i, 64, 48));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 70, 99})
    void resumesAFileExactlyAtTheCheckpointedFrame(int nextSeq) {
        // more than MAX_SKIPS_PER_POLL frames, so that skipping spans several polls
        Path clip = TestClips.write(dir.resolve("a.avi"), Codec.FFV1, 100, 64, 48);
        VideoSplit resumed =
                new VideoSplit(
                        VideoStreamSpec.of("a", clip.toString()),
                        new VideoStreamPosition(
                                nextSeq, (nextSeq - 1) * TestClips.FRAME_MICROS, 0, 0, 0));

        List<StreamItem> items = readAll(resumed);

        assertThat(items).hasSize(100 - nextSeq);
        for (int k = 0; k < items.size(); k++) {
            VideoFrame f = (VideoFrame) items.get(k);
            int i = nextSeq + k;
            assertThat(f.seq()).isEqualTo(i);
            assertThat(f.ptsMicros()).isEqualTo(i * TestClips.FRAME_MICROS);
            assertThat(f.bgr()).as("pixels of frame %d", i).isEqualTo(TestClips.pixels(i, 64, 48));
        }
    }

    @Test
    void deadLettersAlreadyEmittedAreNotRepeatedOnResume() {
        Path clip = TestClips.write(dir.resolve("png.avi"), Codec.PNG, 10, 64, 48);
        TestClips.breakPngFrames(clip, 5, 6);
        VideoStreamSpec spec =
                VideoStreamSpec.of("p", clip.toString())
                        .withOptions(DecoderOptions.defaults().withDecoderThreads(1));

        List<StreamItem> full = readAll(VideoSplit.atStart(spec));
        assertThat(describe(full))
                .containsExactly(
                        "F0/0", "F1/1", "F2/2", "F3/3", "F4/4", "D5", "D5", "F5/7", "F6/8", "F7/9");

        // checkpointed after frame 4 and the first of the two dead letters
        VideoSplit resumed =
                new VideoSplit(
                        spec, new VideoStreamPosition(5, 4 * TestClips.FRAME_MICROS, 1, 0, 1));
        assertThat(describe(readAll(resumed))).containsExactly("D5", "F5/7", "F6/8", "F7/9");
    }

    @Test
    void tooManyRejectedPacketsInARowFailTheStream() {
        Path clip = TestClips.write(dir.resolve("png.avi"), Codec.PNG, 10, 64, 48);
        TestClips.breakPngFrames(clip, 2, 3, 4);
        VideoStreamSpec spec =
                VideoStreamSpec.of("p", clip.toString())
                        .withOptions(
                                DecoderOptions.defaults()
                                        .withDecoderThreads(1)
                                        .withMaxConsecutiveErrors(3));

        List<StreamItem> items = readAll(VideoSplit.atStart(spec));

        assertThat(items).hasSize(5);
        assertThat(describe(items.subList(0, 4))).containsExactly("F0/0", "F1/1", "D2", "D2");
        DeadLetter last = (DeadLetter) items.get(4);
        assertThat(last.fatal()).isTrue();
        assertThat(last.seq()).isEqualTo(DeadLetter.WHOLE_STREAM);
        assertThat(last.stage()).isEqualTo("decode");
        assertThat(last.reason())
                .startsWith(
                        "the decoder rejected 3 packets in a row; the last: Invalid data found"
                                + " when processing input (packet 5 at byte ");
    }

    @Test
    void aFileThatChangedSinceTheCheckpointFailsTheStreamInsteadOfEmittingWrongFrames() {
        Path clip = TestClips.write(dir.resolve("a.avi"), Codec.FFV1, 10, 64, 48);
        VideoSplit resumed =
                new VideoSplit(
                        VideoStreamSpec.of("a", clip.toString()),
                        new VideoStreamPosition(4, 999, 0, 0, 0));

        List<StreamItem> items = readAll(resumed);

        assertThat(items)
                .containsExactly(
                        new DeadLetter(
                                "a",
                                DeadLetter.WHOLE_STREAM,
                                "resume",
                                "cannot resume at frame 4: frame 3 now has PTS 120000 µs but had"
                                        + " 999 µs when checkpointed; the file has changed",
                                true,
                                NOW));
    }

    @Test
    void aFileShorterThanTheCheckpointFailsTheStream() {
        Path clip = TestClips.write(dir.resolve("a.avi"), Codec.FFV1, 3, 64, 48);
        VideoSplit resumed =
                new VideoSplit(
                        VideoStreamSpec.of("a", clip.toString()),
                        new VideoStreamPosition(7, 240_000, 0, 0, 0));

        DeadLetter d = (DeadLetter) readAll(resumed).get(0);

        assertThat(d.fatal()).isTrue();
        assertThat(d.reason())
                .isEqualTo("cannot resume at frame 7: the stream ends after 3 frames");
    }

    @Test
    void stopsAtMaxFramesAlsoWhenResumed() {
        Path clip = TestClips.write(dir.resolve("a.avi"), Codec.FFV1, 20, 64, 48);
        VideoStreamSpec spec = VideoStreamSpec.of("a", clip.toString()).withMaxFrames(6);

        assertThat(readAll(VideoSplit.atStart(spec))).hasSize(6);
        assertThat(readAll(new VideoSplit(spec, new VideoStreamPosition(4, 120_000, 0, 0, 0))))
                .extracting(i -> ((VideoFrame) i).seq())
                .containsExactly(4L, 5L);
        assertThat(readAll(new VideoSplit(spec, new VideoStreamPosition(6, 200_000, 0, 0, 0))))
                .isEmpty();
    }

    @Test
    void aMissingFileIsOneFatalDeadLetter() {
        Path missing = dir.resolve("gone.avi");

        List<StreamItem> items =
                readAll(VideoSplit.atStart(VideoStreamSpec.of("gone", missing.toString())));

        assertThat(items)
                .containsExactly(
                        new DeadLetter(
                                "gone",
                                DeadLetter.WHOLE_STREAM,
                                "open",
                                "cannot open " + missing + ": No such file or directory",
                                true,
                                NOW));
    }

    private static List<String> describe(List<StreamItem> items) {
        List<String> out = new ArrayList<>();
        for (StreamItem item : items) {
            if (item instanceof VideoFrame f) {
                out.add("F" + f.seq() + "/" + TestClips.indexOf(f.bgr()));
            } else {
                DeadLetter d = (DeadLetter) item;
                assertThat(d.fatal()).isFalse();
                assertThat(d.stage()).isEqualTo("decode");
                out.add("D" + d.seq());
            }
        }
        return out;
    }

    static List<StreamItem> readAll(VideoSplit split) {
        List<StreamItem> items = new ArrayList<>();
        try (VideoStreamCursor cursor = new VideoStreamCursor(split, () -> NOW)) {
            for (int polls = 0; !cursor.isFinished() && polls < 100_000; polls++) {
                StreamItem item = cursor.poll();
                if (item != null) {
                    items.add(item);
                }
            }
            assertThat(cursor.isFinished()).isTrue();
        }
        return items;
    }
}
