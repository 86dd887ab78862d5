package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.uri.StreamUri;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class H264TranscoderTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"clip.mp4", "clip.mkv", "clip.h264"})
    void writesAnH264ClipOfTheAskedSizeLengthAndKeyframeInterval(String name) throws Exception {
        Path source = TestClips.write(dir.resolve("src.avi"), TestClips.Codec.FFV1, 40, 96, 64);
        Path out = dir.resolve(name);

        H264Transcoder.Result r =
                H264Transcoder.transcode(
                        source, out, H264Transcoder.Options.of(160, 120, 30).withGop(8));

        assertThat(r.frames()).isEqualTo(30);
        assertThat(r.keyframes()).isEqualTo(4); // frames 0, 8, 16, 24
        assertThat(r.frameRate()).isEqualTo(TestClips.FPS);
        int decoded = 0;
        try (FFmpegDecoder d =
                new FFmpegDecoder(StreamUri.parse(out.toString()), DecoderOptions.defaults())) {
            StreamInfo info = d.open();
            assertThat(info.codec()).isEqualTo("h264");
            assertThat(info.width()).isEqualTo(160);
            assertThat(info.height()).isEqualTo(120);
            for (DecodeEvent e = d.next(); e != DecodeEvent.Signal.END_OF_STREAM; e = d.next()) {
                assertThat(e).isInstanceOf(DecodedFrame.class);
                assertThat(((DecodedFrame) e).damaged()).isFalse();
                decoded++;
            }
        }
        assertThat(decoded).isEqualTo(30);
    }

    @Test
    void anInputThatIsNotAVideoIsNamedInTheError() {
        Path bogus = TestClips.randomBytes(dir.resolve("bogus.avi"), 4096, 3);
        assertThatThrownBy(
                        () ->
                                H264Transcoder.transcode(
                                        bogus,
                                        dir.resolve("x.mp4"),
                                        H264Transcoder.Options.of(64, 64, 5)))
                .isInstanceOf(FFmpegException.class)
                .hasMessageContaining("bogus.avi");
        assertThat(Files.exists(dir.resolve("x.mp4"))).isFalse();
    }

    @Test
    void oddSizesAreRefused() {
        assertThatThrownBy(() -> H264Transcoder.Options.of(641, 480, 1))
                .hasMessage("output size must be positive and even, got 641x480");
    }
}
