package io.frameflow.sinks.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoSinkOptionsTest {
    private final VideoSinkOptions defaults = VideoSinkOptions.defaults("out/video");

    @Test
    void defaultsAreH264AtMediumQualityInTenMinuteFilesWithEverythingDrawn() {
        assertThat(defaults.fps()).isEqualTo(VideoSinkOptions.FPS_FROM_PTS);
        assertThat(defaults.codec()).isEqualTo(OutputCodec.H264);
        assertThat(defaults.quality()).isEqualTo(Quality.MEDIUM);
        assertThat(defaults.bitrate()).isZero();
        assertThat(defaults.segment()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.draw()).isEqualTo(DrawOptions.all());
        assertThat(defaults.selects("any")).isTrue();
        // medium: 0.08 bits per pixel per frame
        assertThat(defaults.bitrateFor(768, 576, 10)).isEqualTo(353_894);
        assertThat(defaults.withBitrate(2_000_000).bitrateFor(768, 576, 10)).isEqualTo(2_000_000);
        assertThat(defaults.withQuality(Quality.LOW).bitrateFor(16, 16, 1))
                .isEqualTo(Quality.MIN_BITRATE);
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> VideoSinkOptions.defaults(" ")).hasMessageContaining("'path'");
        assertThatThrownBy(() -> defaults.withFps(0.5))
                .hasMessageContaining("'fps' = 0.5")
                .hasMessageContaining("1 to 240");
        assertThatThrownBy(() -> defaults.withFps(500)).hasMessageContaining("'fps'");
        assertThatThrownBy(() -> defaults.withBitrate(5)).hasMessageContaining("'bitrate' = 5");
        assertThatThrownBy(() -> defaults.withSegment(Duration.ofMillis(10)))
                .hasMessageContaining("'segment' = 10 ms");
        assertThatThrownBy(() -> defaults.withSegment(Duration.ofDays(2)))
                .hasMessageContaining("'segment'");
        assertThatThrownBy(() -> defaults.withIdleTimeout(Duration.ZERO))
                .hasMessageContaining("'idle-timeout'");
        assertThatThrownBy(() -> defaults.withStreams(List.of("a", "a")))
                .hasMessageContaining("'streams'")
                .hasMessageContaining("'a' is repeated");
        assertThatThrownBy(() -> defaults.withQuality(null))
                .hasMessageContaining("'bitrate' or 'quality'");
        assertThatThrownBy(
                        () ->
                                new VideoSinkOptions(
                                        "out",
                                        0,
                                        OutputCodec.H264,
                                        1_000_000,
                                        Quality.HIGH,
                                        VideoSinkOptions.DEFAULT_SEGMENT,
                                        VideoSinkOptions.DEFAULT_IDLE_TIMEOUT,
                                        DrawOptions.all(),
                                        List.of()))
                .hasMessageContaining("'bitrate' and 'quality' are both given");
    }

    @Test
    void codecQualityAndDrawItemsAreParsedFromTheirNames() {
        assertThat(OutputCodec.parse("H264")).isEqualTo(OutputCodec.H264);
        assertThat(OutputCodec.parse(" mpeg4")).isEqualTo(OutputCodec.MPEG4);
        assertThatThrownBy(() -> OutputCodec.parse("x264"))
                .hasMessageContaining("'codec' = 'x264'")
                .hasMessageContaining("h264 or mpeg4");
        assertThat(Quality.parse("high")).isEqualTo(Quality.HIGH);
        assertThatThrownBy(() -> Quality.parse("best"))
                .hasMessageContaining("'quality' = 'best'")
                .hasMessageContaining("low, medium or high");
        DrawOptions some = DrawOptions.only(List.of("boxes", "Track-IDs"));
        assertThat(some.boxes()).isTrue();
        assertThat(some.trackIds()).isTrue();
        assertThat(some.labels() || some.masks() || some.polygons()).isFalse();
        assertThat(DrawOptions.only(List.of()).any()).isFalse();
        assertThatThrownBy(() -> DrawOptions.only(List.of("boxes", "arrows")))
                .hasMessageContaining("'draw' has unknown item 'arrows'")
                .hasMessageContaining(
                        "boxes, labels, scores, track-ids, children, masks, polygons");
        assertThatThrownBy(() -> DrawOptions.all().withMaskOpacity(1.5))
                .hasMessageContaining("'mask-opacity'");
    }

    @Test
    void theOptionsTravelWithTheJobGraph() throws Exception {
        VideoSinkOptions options =
                defaults.withStreams(List.of("a", "b")).withDraw(DrawOptions.none());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(AnnotatedVideoSink.of(options));
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((AnnotatedVideoSink) in.readObject()).options()).isEqualTo(options);
        }
    }
}
