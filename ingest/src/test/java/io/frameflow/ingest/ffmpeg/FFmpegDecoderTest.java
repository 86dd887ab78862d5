package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import io.frameflow.ingest.ffmpeg.DecodeEvent.RejectedPacket;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.testing.TestClips.Codec;
import io.frameflow.ingest.uri.StreamUri;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FFmpegDecoderTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(
            value = Codec.class,
            names = {"FFV1", "PNG"})
    void decodesLosslessClipPixelExactWithFramePts(Codec codec) throws Exception {
        Path clip = TestClips.write(dir.resolve("clip.avi"), codec, 12, 64, 48);

        List<DecodeEvent> events = decodeAll(clip, DecoderOptions.defaults());

        assertThat(events).hasSize(13).last().isEqualTo(DecodeEvent.Signal.END_OF_STREAM);
        for (int i = 0; i < 12; i++) {
            DecodedFrame f = (DecodedFrame) events.get(i);
            assertThat(f.ptsMicros())
                    .as("pts of frame %d", i)
                    .isEqualTo(i * TestClips.FRAME_MICROS);
            assertThat(f.width()).isEqualTo(64);
            assertThat(f.height()).isEqualTo(48);
            assertThat(f.damaged()).isFalse();
            assertThat(f.bgr()).as("pixels of frame %d", i).isEqualTo(TestClips.pixels(i, 64, 48));
        }
    }

    @Test
    void reportsStreamInfo() throws Exception {
        Path clip = TestClips.write(dir.resolve("clip.avi"), Codec.FFV1, 7, 160, 120);
        try (FFmpegDecoder d = new FFmpegDecoder(StreamUri.parse(clip.toString()), opts())) {
            StreamInfo info = d.open();
            assertThat(info.codec()).isEqualTo("ffv1");
            assertThat(info.width()).isEqualTo(160);
            assertThat(info.height()).isEqualTo(120);
            assertThat(info.frameRate()).hasValue(TestClips.FPS);
            assertThat(info.frameCount()).hasValue(7);
        }
    }

    @Test
    void skipGivesTimestampsWithoutPixels() throws Exception {
        Path clip = TestClips.write(dir.resolve("clip.avi"), Codec.FFV1, 3, 64, 48);
        try (FFmpegDecoder d = new FFmpegDecoder(StreamUri.parse(clip.toString()), opts())) {
            d.open();
            DecodedFrame skipped = (DecodedFrame) d.skip();
            DecodedFrame next = (DecodedFrame) d.next();
            assertThat(skipped.bgr()).isNull();
            assertThat(skipped.ptsMicros()).isZero();
            assertThat(next.ptsMicros()).isEqualTo(TestClips.FRAME_MICROS);
            assertThat(next.bgr()).isEqualTo(TestClips.pixels(1, 64, 48));
        }
    }

    @Test
    void keyframesOnlyDecodesOnlyTheKeyFramesOfEachGroupOfPictures() throws Exception {
        // the clip writer starts a group of pictures every 12 frames, with a key frame
        Path clip = TestClips.write(dir.resolve("mpeg4.avi"), Codec.MPEG4, 30, 160, 120);

        List<DecodeEvent> all = decodeAll(clip, opts());
        List<Long> keyPts = new ArrayList<>();
        DecoderOptions keyframesOnly = opts().withKeyframesOnly(true);
        long discarded;
        try (FFmpegDecoder d = new FFmpegDecoder(StreamUri.parse(clip.toString()), keyframesOnly)) {
            d.open();
            DecodeEvent e;
            while ((e = d.next()) instanceof DecodedFrame f) {
                keyPts.add(f.ptsMicros());
                assertThat(f.bgr()).hasSize(160 * 120 * 3);
            }
            assertThat(e).isEqualTo(DecodeEvent.Signal.END_OF_STREAM);
            discarded = d.discardedFrames();
        }

        assertThat(all.stream().filter(e -> e instanceof DecodedFrame)).hasSize(30);
        long frame = TestClips.FRAME_MICROS;
        assertThat(keyPts).containsExactly(0L, 12 * frame, 24 * frame);
        assertThat(discarded).isEqualTo(27);
    }

    @Test
    void filesCarryNoSenderWallClock() throws Exception {
        Path clip = TestClips.write(dir.resolve("clip.avi"), Codec.FFV1, 2, 64, 48);
        for (DecodeEvent e : decodeAll(clip, opts())) {
            if (e instanceof DecodedFrame f) {
                assertThat(f.hasWallClock()).isFalse();
                assertThat(f.wallClockMicros()).isEqualTo(SenderReportClock.UNKNOWN);
            }
        }
    }

    @Test
    void rejectedPacketsAreReportedAndTheStreamGoesOn() throws Exception {
        Path clip = TestClips.write(dir.resolve("png.avi"), Codec.PNG, 10, 64, 48);
        TestClips.breakPngFrames(clip, 3, 4);

        List<DecodeEvent> events = decodeAll(clip, opts().withDecoderThreads(1));

        List<Integer> order = new ArrayList<>();
        for (DecodeEvent e : events) {
            if (e instanceof DecodedFrame f) {
                order.add(TestClips.indexOf(f.bgr()));
            } else if (e instanceof RejectedPacket r) {
                order.add(-1);
                assertThat(r.reason())
                        .startsWith("Invalid data found when processing input")
                        .containsPattern("packet \\d+ at byte \\d+, pts \\d+ µs");
            }
        }
        assertThat(order).containsExactly(0, 1, 2, -1, -1, 5, 6, 7, 8, 9);
        assertThat(events).last().isEqualTo(DecodeEvent.Signal.END_OF_STREAM);
    }

    @Test
    void damagedMpeg4FramesAreFlaggedAndTheStreamEnds() throws Exception {
        Path clip = TestClips.write(dir.resolve("mpeg4.avi"), Codec.MPEG4, 60, 320, 240);
        TestClips.damageMiddle(clip, 6, 300, 42);

        List<DecodeEvent> events = decodeAll(clip, opts());

        long damaged =
                events.stream().filter(e -> e instanceof DecodedFrame f && f.damaged()).count();
        long rejected = events.stream().filter(e -> e instanceof RejectedPacket).count();
        long frames = events.stream().filter(e -> e instanceof DecodedFrame).count();
        assertThat(damaged + rejected).as("damaged frames + rejected packets").isPositive();
        assertThat(frames).isGreaterThan(30);
        assertThat(events).last().isEqualTo(DecodeEvent.Signal.END_OF_STREAM);
    }

    @Test
    void missingFileCannotBeOpened() {
        Path missing = dir.resolve("missing.avi");
        assertThatThrownBy(() -> open(missing.toString()))
                .isInstanceOf(FFmpegException.class)
                .hasMessage("cannot open " + missing + ": No such file or directory");
    }

    @Test
    void randomBytesCannotBeOpened() {
        Path junk = TestClips.randomBytes(dir.resolve("junk.avi"), 20_000, 7);
        assertThatThrownBy(() -> open(junk.toString()))
                .isInstanceOf(FFmpegException.class)
                .hasMessage("cannot open " + junk + ": Invalid data found when processing input");
    }

    @Test
    void fileWithoutVideoCannotBeOpened() {
        Path wav = TestClips.silentWav(dir.resolve("sound.wav"));
        assertThatThrownBy(() -> open(wav.toString()))
                .isInstanceOf(FFmpegException.class)
                .hasMessage("cannot open " + wav + ": no video stream");
    }

    private static DecoderOptions opts() {
        return DecoderOptions.defaults();
    }

    private static void open(String uri) throws FFmpegException {
        try (FFmpegDecoder d = new FFmpegDecoder(StreamUri.parse(uri), opts())) {
            d.open();
        }
    }

    static List<DecodeEvent> decodeAll(Path clip, DecoderOptions options) throws FFmpegException {
        List<DecodeEvent> events = new ArrayList<>();
        try (FFmpegDecoder d = new FFmpegDecoder(StreamUri.parse(clip.toString()), options)) {
            d.open();
            DecodeEvent e;
            do {
                e = d.next();
                events.add(e);
            } while (e != DecodeEvent.Signal.END_OF_STREAM && events.size() < 10_000);
        }
        return events;
    }
}
