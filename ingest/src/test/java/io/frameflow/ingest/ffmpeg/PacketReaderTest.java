package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;

import io.frameflow.common.EncodedPacket;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoCodec;
import io.frameflow.ingest.testing.StallingHttpServer;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.uri.StreamUri;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacketReaderTest {
    private static final int FRAMES = 30;
    private static final int GOP = 8;

    @TempDir Path dir;

    private Path h264Clip(String name) throws FFmpegException {
        Path source = TestClips.write(dir.resolve("src.avi"), TestClips.Codec.FFV1, 40, 96, 64);
        Path out = dir.resolve(name);
        H264Transcoder.transcode(
                source, out, H264Transcoder.Options.of(160, 120, FRAMES).withGop(GOP));
        return out;
    }

    private static List<EncodedPacket> readAll(String id, Path file) throws FFmpegException {
        List<EncodedPacket> packets = new ArrayList<>();
        try (PacketReader reader =
                new PacketReader(id, StreamUri.parse(file.toString()), DecoderOptions.defaults())) {
            reader.open();
            for (EncodedPacket p = reader.next(); p != null; p = reader.next()) {
                packets.add(p);
            }
        }
        return packets;
    }

    @ParameterizedTest
    @ValueSource(strings = {"clip.mp4", "clip.mkv", "clip.h264"})
    void h264ComesOutAsAnnexBAccessUnitsWithParametersOnKeyframes(String name) throws Exception {
        Path clip = h264Clip(name);

        List<EncodedPacket> packets = readAll("cam", clip);

        assertThat(packets).hasSize(FRAMES);
        assertThat(packets.stream().map(EncodedPacket::seq))
                .containsExactlyElementsOf(LongStream.range(0, FRAMES).boxed().toList());
        for (EncodedPacket p : packets) {
            assertThat(p.streamId()).isEqualTo("cam");
            assertThat(p.codec()).isEqualTo(VideoCodec.H264);
            assertThat(AnnexB.startsWithStartCode(p.data())).as(p.describe()).isTrue();
            // the container's flag agrees with the NAL units: IDR pictures every GOP frames
            assertThat(p.keyframe()).as(p.describe()).isEqualTo(p.seq() % GOP == 0);
            assertThat(AnnexB.hasRandomAccessPicture(VideoCodec.H264, p.data()))
                    .isEqualTo(p.keyframe());
            List<Integer> paramTypes =
                    AnnexB.nalUnits(VideoCodec.H264, p.codecParams()).stream()
                            .map(AnnexB.NalUnit::type)
                            .toList();
            if (p.keyframe()) {
                assertThat(paramTypes).as(p.describe()).contains(7, 8);
            } else {
                assertThat(paramTypes).isEmpty();
            }
            assertThat(p.ptsMicros()).isEqualTo(p.seq() * TestClips.FRAME_MICROS);
            assertThat(p.timeSource()).isEqualTo(TimeSource.MEDIA);
            assertThat(p.captureTimeMillis()).isEqualTo(p.ptsMicros() / 1000);
        }
    }

    @Test
    void aGopStartingAtAKeyframeDecodesOnItsOwn() throws Exception {
        List<EncodedPacket> packets = readAll("cam", h264Clip("clip.mp4"));
        // the second GOP, without anything before it: parameters + access units as a raw stream
        ByteArrayOutputStream annexB = new ByteArrayOutputStream();
        EncodedPacket first = packets.get(GOP);
        annexB.writeBytes(first.codecParams());
        packets.subList(GOP, 2 * GOP).forEach(p -> annexB.writeBytes(p.data()));
        Path gop = Files.write(dir.resolve("gop.h264"), annexB.toByteArray());

        int frames = 0;
        try (FFmpegDecoder d =
                new FFmpegDecoder(StreamUri.parse(gop.toString()), DecoderOptions.defaults())) {
            d.open();
            for (DecodeEvent e = d.next(); e != DecodeEvent.Signal.END_OF_STREAM; e = d.next()) {
                assertThat(e).isInstanceOf(DecodeEvent.DecodedFrame.class);
                assertThat(((DecodeEvent.DecodedFrame) e).damaged()).isFalse();
                frames++;
            }
        }
        assertThat(frames).isEqualTo(GOP);
    }

    @Test
    void mjpegPacketsAreWholeJpegPictures() throws Exception {
        Path clip = mjpegClip(dir.resolve("m.avi"), 6);

        List<EncodedPacket> packets = readAll("jpeg", clip);

        assertThat(packets).hasSize(6);
        for (EncodedPacket p : packets) {
            assertThat(p.codec()).isEqualTo(VideoCodec.MJPEG);
            assertThat(p.keyframe()).isTrue();
            assertThat(p.codecParams()).isEmpty();
            // SOI at the start, EOI at the end
            assertThat(p.data()[0] & 0xFF).isEqualTo(0xFF);
            assertThat(p.data()[1] & 0xFF).isEqualTo(0xD8);
            assertThat(p.data()[p.data().length - 2] & 0xFF).isEqualTo(0xFF);
            assertThat(p.data()[p.data().length - 1] & 0xFF).isEqualTo(0xD9);
        }
    }

    @Test
    void anotherCodecIsRefusedNamingTheStreamAndTheCodecs() {
        Path clip = TestClips.write(dir.resolve("old.avi"), TestClips.Codec.MPEG4, 5, 64, 48);
        assertThatThrownBy(() -> readAll("lobby", clip))
                .isInstanceOf(UnsupportedCodecException.class)
                .hasMessage(
                        "stream 'lobby' ("
                                + clip
                                + ") is mpeg4; only h264, hevc, mjpeg can be sent without"
                                + " re-encoding");
    }

    @Test
    void aMissingFileSaysSo() {
        Path missing = dir.resolve("nope.mp4");
        assertThatThrownBy(() -> readAll("x", missing))
                .isInstanceOf(FFmpegException.class)
                .hasMessage("cannot open " + missing + ": No such file or directory");
    }

    @Test
    void aNetworkStreamIsTimedByArrival() throws Exception {
        // a real HTTP server, which (like a camera) keeps the connection open after the clip
        byte[] clip = Files.readAllBytes(h264Clip("clip.h264"));
        int wanted = FRAMES / 2;
        try (StallingHttpServer server = new StallingHttpServer(clip)) {
            long before = System.currentTimeMillis();
            List<EncodedPacket> packets = new ArrayList<>();
            try (PacketReader reader =
                    new PacketReader(
                            "net",
                            StreamUri.parse(server.url(null, "/clip.h264")),
                            DecoderOptions.defaults())) {
                reader.open();
                while (packets.size() < wanted) {
                    packets.add(reader.next());
                }
            }
            long after = System.currentTimeMillis();
            for (EncodedPacket p : packets) {
                assertThat(p.timeSource()).isEqualTo(TimeSource.ARRIVAL);
                assertThat(p.captureTimeMillis()).isBetween(before, after);
            }
            assertThat(packets.get(0).keyframe()).isTrue();
            assertThat(packets.get(0).codecParams()).isNotEmpty();
        }
    }

    private static Path mjpegClip(Path file, int frames) throws Exception {
        int w = 64;
        int h = 48;
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, 0)) {
            r.setFormat("avi");
            r.setFrameRate(TestClips.FPS);
            r.setVideoCodec(AV_CODEC_ID_MJPEG);
            r.setPixelFormat(AV_PIX_FMT_YUVJ420P);
            r.start();
            ByteBuffer buf = ByteBuffer.allocateDirect(w * h * 3);
            for (int i = 0; i < frames; i++) {
                buf.clear();
                buf.put(TestClips.pixels(i, w, h)).flip();
                r.recordImage(w, h, Frame.DEPTH_UBYTE, 3, w * 3, AV_PIX_FMT_BGR24, buf);
            }
            r.stop();
        }
        return file;
    }
}
