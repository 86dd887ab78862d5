package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.ingest.ffmpeg.DecoderOptions;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.core.memory.DataOutputSerializer;
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
                                DecoderOptions.RtspTransport.UDP,
                                true),
                        new LiveStreamOptions(
                                Duration.ofMillis(250),
                                Duration.ofSeconds(7),
                                9,
                                Duration.ofSeconds(4),
                                Duration.ofMillis(1750),
                                3));
        VideoSplit split =
                new VideoSplit(stream, new VideoStreamPosition(1234, 49_360_000L, 2, 7, 11));

        VideoSplit copy = roundTrip(split);

        assertThat(copy).isEqualTo(split);
        assertThat(copy.stream().uri()).contains("s3cret");
        assertThat(copy.splitId()).isEqualTo("cam-7");
    }

    @Test
    void readsAVersion1SplitWithDefaultLiveOptions() throws IOException {
        // version 1 is version 2 without the keyframes-only flag and the live options, which
        // follow the other decoder options
        VideoSplit split = VideoSplit.atStart(VideoStreamSpec.of("cam", "rtsp://h/x"));
        byte[] v2 = serializer.serialize(split);
        int idUriLimit = 2 + 3 + 2 + 10 + 1;
        int decoderOptions = 8 + 8 + 4 + 4 + 2 + 3;
        int liveOptions = 1 + 8 + 8 + 4 + 8 + 8 + 4;
        int head = idUriLimit + decoderOptions;
        byte[] v1 = new byte[v2.length - liveOptions];
        System.arraycopy(v2, 0, v1, 0, head);
        System.arraycopy(v2, head + liveOptions, v1, head, v2.length - head - liveOptions);

        VideoSplit copy = serializer.deserialize(1, v1);

        assertThat(copy).isEqualTo(split);
        assertThat(copy.stream().live()).isEqualTo(LiveStreamOptions.defaults());
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
                                + " versions 1 and 2");
    }

    @Test
    void readsAVersion1SplitAsDecodingEveryFrame() throws IOException {
        // version 1 had the same fields without the keyframes-only flag after the transport
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeUTF("cam-1");
        out.writeUTF("rtsp://cam/live");
        out.writeBoolean(false);
        out.writeLong(Duration.ofSeconds(2).toNanos());
        out.writeLong(Duration.ofSeconds(4).toNanos());
        out.writeInt(1);
        out.writeInt(9);
        out.writeUTF("TCP");
        out.writeLong(10);
        out.writeLong(360_000);
        out.writeInt(0);
        out.writeLong(1);
        out.writeLong(2);

        VideoSplit split = serializer.deserialize(1, out.getCopyOfBuffer());

        assertThat(split.stream().options())
                .isEqualTo(
                        DecoderOptions.defaults()
                                .withOpenTimeout(Duration.ofSeconds(2))
                                .withReadTimeout(Duration.ofSeconds(4))
                                .withDecoderThreads(1)
                                .withMaxConsecutiveErrors(9));
        assertThat(split.position()).isEqualTo(new VideoStreamPosition(10, 360_000, 0, 1, 2));
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
