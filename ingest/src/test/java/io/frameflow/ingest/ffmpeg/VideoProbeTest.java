package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.testing.TestClips.Codec;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProbeTest {
    @TempDir Path dir;

    @Test
    void reportsCodecSizeRateAndFrameCountOfAFile() throws Exception {
        Path clip = TestClips.write(dir.resolve("clip.avi"), Codec.MPEG4, 15, 320, 240);

        StreamInfo info = VideoProbe.probe(clip.toUri().toString());

        assertThat(info)
                .isEqualTo(
                        new StreamInfo(
                                "mpeg4", 320, 240, OptionalDouble.of(25), OptionalLong.of(15)));
        assertThat(info.describe()).isEqualTo("mpeg4 320x240, 25.00 fps, 15 frames");
    }

    @Test
    void saysWhyAStreamCannotBeProbed() {
        Path missing = dir.resolve("nothing-here.mkv");
        assertThatThrownBy(() -> VideoProbe.probe(missing.toString()))
                .isInstanceOf(FFmpegException.class)
                .hasMessage("cannot open " + missing + ": No such file or directory");
        assertThatThrownBy(() -> VideoProbe.probe("rtmp://u:pw@host/live"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unsupported scheme 'rtmp' in 'rtmp://u:***@host/live'");
    }
}
