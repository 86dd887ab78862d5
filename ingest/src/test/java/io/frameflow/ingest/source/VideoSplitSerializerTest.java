package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.ingest.ffmpeg.DecoderOptions;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VideoSplitSerializerTest {
    private final VideoSplitSerializer serializer = VideoSplitSerializer.INSTANCE;

    @Test
    void roundTripsAFreshSplitWithDefaults() throws IOException {
        VideoSplit split = VideoSplit.atStart(VideoStreamSpec.of("clip", "/data/a.avi"));
        assertThat(roundTrip(split)).isEqualTo(split);
    }

    @Test
    void roundTripsEveryFieldOfAResumedSplit() throws IOException {
        VideoStreamSpec stream =
                new VideoStreamSpec(
                        "cam-7",
                        "rtsp://viewer:s3cret@10.1.2.3:554/Streaming/Channels/101",
                        5000L,
                        new DecoderOptions(
                                Duration.ofMillis(1500),
                                Duration.ofSeconds(3),
                                2,
                                17,
                                DecoderOptions.RtspTransport.UDP));
        VideoSplit split =
                new VideoSplit(stream, new VideoStreamPosition(1234, 49_360_000L, 2, 7, 11));

        VideoSplit copy = roundTrip(split);

        assertThat(copy).isEqualTo(split);
        assertThat(copy.stream().uri()).contains("s3cret");
        assertThat(copy.splitId()).isEqualTo("cam-7");
    }

    @Test
    void keepsTheMissingPtsMarker() throws IOException {
        VideoSplit split =
                new VideoSplit(
                        VideoStreamSpec.of("s", "/a.avi"),
                        new VideoStreamPosition(0, VideoStreamPosition.NO_PTS, 3, 0, 3));
        assertThat(roundTrip(split).position().lastPtsMicros())
                .isEqualTo(VideoStreamPosition.NO_PTS);
    }

    @Test
    void rejectsAnUnknownVersionWithAMessage() {
        assertThatThrownBy(() -> serializer.deserialize(99, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        "cannot read a video split of serializer version 99; this build reads"
                                + " version 1");
    }

    @Test
    void printingASplitNeverShowsThePassword() {
        VideoSplit split = VideoSplit.atStart(VideoStreamSpec.of("cam", "rtsp://u:topsecret@h/x"));
        assertThat(split.toString()).contains("rtsp://u:***@h/x").doesNotContain("topsecret");
    }

    private VideoSplit roundTrip(VideoSplit split) throws IOException {
        byte[] bytes = serializer.serialize(split);
        return serializer.deserialize(serializer.getVersion(), bytes);
    }
}
