package io.frameflow.ingest.testing;

import io.frameflow.common.EncodedPacket;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegException;
import io.frameflow.ingest.ffmpeg.H264Transcoder;
import io.frameflow.ingest.ffmpeg.PacketReader;
import io.frameflow.ingest.uri.StreamUri;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Real encoded packets for tests: a {@link TestClips} pattern clip encoded to H.264 (or written as
 * MJPEG) and read back with {@link PacketReader}, as the publisher would send them.
 */
public final class TestPackets {
    private TestPackets() {}

    /** {@code frames} H.264 packets of {@code width x height}, a keyframe every {@code gop}. */
    public static List<EncodedPacket> h264(
            Path dir, String streamId, int frames, int gop, int width, int height)
            throws FFmpegException {
        Path source =
                TestClips.write(
                        dir.resolve("src-" + streamId + ".avi"),
                        TestClips.Codec.FFV1,
                        frames,
                        width,
                        height);
        Path clip = dir.resolve(streamId + ".h264");
        H264Transcoder.transcode(
                source, clip, H264Transcoder.Options.of(width, height, frames).withGop(gop));
        return read(streamId, clip);
    }

    /** {@code frames} MJPEG packets (one JPEG each, all keyframes) of {@code width x height}. */
    public static List<EncodedPacket> mjpeg(
            Path dir, String streamId, int frames, int width, int height) throws FFmpegException {
        Path file = dir.resolve(streamId + "-mjpeg.avi");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            r.setFormat("avi");
            r.setFrameRate(TestClips.FPS);
            r.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            r.start();
            ByteBuffer buf = ByteBuffer.allocateDirect(width * height * 3);
            for (int i = 0; i < frames; i++) {
                buf.clear();
                buf.put(TestClips.pixels(i, width, height)).flip();
                r.recordImage(
                        width,
                        height,
                        Frame.DEPTH_UBYTE,
                        3,
                        width * 3,
                        avutil.AV_PIX_FMT_BGR24,
                        buf);
            }
            r.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot write test clip " + file, e);
        }
        return read(streamId, file);
    }

    /** Every packet of {@code file}, numbered from 0. */
    public static List<EncodedPacket> read(String streamId, Path file) throws FFmpegException {
        List<EncodedPacket> packets = new ArrayList<>();
        try (PacketReader reader =
                new PacketReader(
                        streamId, StreamUri.parse(file.toString()), DecoderOptions.defaults())) {
            reader.open();
            for (EncodedPacket p = reader.next(); p != null; p = reader.next()) {
                packets.add(p);
            }
        }
        return packets;
    }

    /** {@code p} with another number (as if more packets had come before it in its stream). */
    public static EncodedPacket renumbered(EncodedPacket p, long seq) {
        return new EncodedPacket(
                p.streamId(),
                seq,
                p.codec(),
                p.ptsMicros(),
                p.captureTimeMillis(),
                p.timeSource(),
                p.keyframe(),
                p.codecParams(),
                p.chunkIndex(),
                p.chunkCount(),
                p.data());
    }

    /** {@code p} with only the first {@code bytes} of its data: a truncated access unit. */
    public static EncodedPacket truncated(EncodedPacket p, int bytes) {
        return EncodedPacket.whole(
                p.streamId(),
                p.seq(),
                p.codec(),
                p.ptsMicros(),
                p.captureTimeMillis(),
                p.timeSource(),
                p.keyframe(),
                p.codecParams(),
                Arrays.copyOf(p.data(), bytes));
    }

    /** {@code p} split into {@code count} chunks, as {@code PacketRecords} splits large packets. */
    public static List<EncodedPacket> chunks(EncodedPacket p, int count) {
        byte[] data = p.data();
        int size = (data.length + count - 1) / count;
        List<EncodedPacket> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunks.add(
                    new EncodedPacket(
                            p.streamId(),
                            p.seq(),
                            p.codec(),
                            p.ptsMicros(),
                            p.captureTimeMillis(),
                            p.timeSource(),
                            p.keyframe(),
                            i == 0 ? p.codecParams() : new byte[0],
                            i,
                            count,
                            Arrays.copyOfRange(
                                    data,
                                    Math.min(data.length, i * size),
                                    Math.min(data.length, (i + 1) * size))));
        }
        return chunks;
    }
}
