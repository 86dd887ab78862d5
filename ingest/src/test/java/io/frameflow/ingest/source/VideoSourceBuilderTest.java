package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import org.apache.flink.api.connector.source.Boundedness;
import org.junit.jupiter.api.Test;

class VideoSourceBuilderTest {

    @Test
    void filesAndLimitedStreamsMakeABoundedSource() {
        VideoSource source =
                VideoSource.builder()
                        .addStream("a", "/data/a.avi")
                        .addStream("b", "file:///data/b.avi")
                        .addStream("cam", "rtsp://cam/live", 100)
                        .build();
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(source.streams())
                .extracting(VideoStreamSpec::id)
                .containsExactly("a", "b", "cam");
        assertThat(source.getProducedType()).isEqualTo(StreamItemTypeInfoFactory.TYPE_INFO);
    }

    @Test
    void oneLiveStreamMakesItUnbounded() {
        VideoSource source =
                VideoSource.builder()
                        .addStream("a", "/data/a.avi")
                        .addStream("cam", "rtsps://cam/live")
                        .build();
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    }

    @Test
    void defaultOptionsApplyToStreamsAddedAfterThem() {
        DecoderOptions two = DecoderOptions.defaults().withDecoderThreads(2);
        VideoSource source =
                VideoSource.builder()
                        .addStream("a", "/a.avi")
                        .setDefaultOptions(two)
                        .addStream("b", "/b.avi")
                        .build();
        assertThat(source.streams().get(0).options()).isEqualTo(DecoderOptions.defaults());
        assertThat(source.streams().get(1).options()).isEqualTo(two);
    }

    @Test
    void rejectsDuplicateIds() {
        VideoSourceBuilder b =
                VideoSource.builder()
                        .addStream("cam-1", "/a.avi")
                        .addStream("cam-2", "/b.avi")
                        .addStream("cam-1", "/c.avi");
        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "stream id 'cam-1' is used by streams #1 and #3; stream ids must be unique");
    }

    @Test
    void rejectsAnEmptyUri() {
        assertThatThrownBy(() -> VideoSource.builder().addStream("cam-1", " ").build())
                .hasMessage(
                        "stream 'cam-1' has an empty uri; expected a file path, file:, rtsp://,"
                                + " rtsps://, http:// or https://");
    }

    @Test
    void rejectsAnUnsupportedUriWithoutShowingItsPassword() {
        assertThatThrownBy(
                        () ->
                                VideoSource.builder()
                                        .addStream("cam-1", "smb://u:pw@nas/a.avi")
                                        .build())
                .hasMessage(
                        "stream 'cam-1': unsupported scheme 'smb' in 'smb://u:***@nas/a.avi';"
                                + " expected a file path, file:, rtsp://, rtsps://, http:// or"
                                + " https://");
    }

    @Test
    void rejectsANegativeFrameLimit() {
        assertThatThrownBy(() -> VideoSource.builder().addStream("clip", "/a.avi", -5).build())
                .hasMessage(
                        "stream 'clip' has max-frames = -5; expected 1 or more (leave it unset to"
                                + " read to the end)");
        assertThatThrownBy(
                        () ->
                                VideoSource.builder()
                                        .addStream(
                                                VideoStreamSpec.of("z", "/a.avi").withMaxFrames(0))
                                        .build())
                .hasMessageStartingWith("stream 'z' has max-frames = 0;");
    }

    @Test
    void rejectsAnEmptyIdAndAnEmptySource() {
        assertThatThrownBy(() -> VideoSource.builder().addStream("", "rtsp://u:pw@cam/x").build())
                .hasMessage("stream #1 (rtsp://u:***@cam/x) has an empty id");
        assertThatThrownBy(() -> VideoSource.builder().build())
                .hasMessage(
                        "a video source needs at least one stream; add one with addStream(id, uri)");
    }
}
