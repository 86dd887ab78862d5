package io.frameflow.ingest.testing;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FFV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PNG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.frameflow.ingest.ffmpeg.FFmpegLogBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes small AVI clips with FFmpeg (JavaCV's recorder) whose frames carry their own index, so
 * that a test knows every pixel it should get back. Lossless codecs (FFV1, PNG) round-trip the
 * pattern exactly; MPEG-4 is lossy and serves for damage tests.
 */
public final class TestClips {
    /** Frames per second of every clip; frame {@code i} has PTS {@code i * FRAME_MICROS}. */
    public static final int FPS = 25;

    public static final long FRAME_MICROS = 1_000_000L / FPS;

    /** Codecs the clips can be written with. */
    public enum Codec {
        /** FFV1 in BGR0: lossless. */
        FFV1,
        /** PNG (RGB24): lossless, each frame a self-contained PNG, easy to damage one by one. */
        PNG,
        /** MPEG-4 part 2, YUV 4:2:0: lossy, inter-coded, for damage tests. */
        MPEG4
    }

    static {
        // the recorder logs through FFmpeg too: keep it out of the build's console
        FFmpegLogBridge.install();
    }

    private TestClips() {}

    /** Writes {@code frames} pattern frames of {@code width x height} to {@code file}. */
    public static Path write(Path file, Codec codec, int frames, int width, int height) {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            r.setFormat("avi");
            r.setFrameRate(FPS);
            switch (codec) {
                case FFV1 -> {
                    r.setVideoCodec(AV_CODEC_ID_FFV1);
                    r.setPixelFormat(AV_PIX_FMT_BGR0);
                }
                case PNG -> {
                    r.setVideoCodec(AV_CODEC_ID_PNG);
                    r.setPixelFormat(AV_PIX_FMT_RGB24);
                }
                case MPEG4 -> {
                    r.setVideoCodec(AV_CODEC_ID_MPEG4);
                    r.setPixelFormat(AV_PIX_FMT_YUV420P);
                    r.setGopSize(12);
                    r.setVideoBitrate(800_000);
                }
            }
            r.start();
            ByteBuffer buf = ByteBuffer.allocateDirect(width * height * 3);
            for (int i = 0; i < frames; i++) {
                buf.clear();
                buf.put(pixels(i, width, height)).flip();
                r.recordImage(
                        width, height, Frame.DEPTH_UBYTE, 3, width * 3, AV_PIX_FMT_BGR24, buf);
            }
            r.stop();
            return file;
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot write test clip " + file, e);
        }
    }

    /**
     * The BGR24 pixels of frame {@code index}: a moving pattern, with the index itself in the first
     * pixel (blue = low byte, green = high byte).
     */
    public static byte[] pixels(int index, int width, int height) {
        byte[] bgr = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int o = (y * width + x) * 3;
                bgr[o] = (byte) (x * 3 + index * 5);
                bgr[o + 1] = (byte) (y * 7 + index * 11);
                bgr[o + 2] = (byte) ((x + y) * 2 + index * 13);
            }
        }
        bgr[0] = (byte) index;
        bgr[1] = (byte) (index >> 8);
        bgr[2] = (byte) 0x5A;
        return bgr;
    }

    /** The frame index written into the first pixel by {@link #pixels}. */
    public static int indexOf(byte[] bgr) {
        return (bgr[0] & 0xFF) | (bgr[1] & 0xFF) << 8;
    }

    /** Writes {@code size} random bytes: a file that is no video at all. */
    public static Path randomBytes(Path file, int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        try {
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Overwrites {@code blocks} blocks of {@code blockSize} random bytes, evenly spread between 30%
     * and 70% of the file: damage in the middle of the stream, away from the headers and the index.
     */
    public static Path damageMiddle(Path file, int blocks, int blockSize, long seed) {
        try {
            byte[] data = Files.readAllBytes(file);
            Random random = new Random(seed);
            int from = data.length * 3 / 10;
            int to = data.length * 7 / 10;
            for (int b = 0; b < blocks; b++) {
                int at =
                        from + (int) ((long) (to - from - blockSize) * b / Math.max(1, blocks - 1));
                for (int i = 0; i < blockSize; i++) {
                    data[at + i] = (byte) random.nextInt(256);
                }
            }
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Breaks the header chunk of the given frames of a {@link Codec#PNG} clip, so that the decoder
     * rejects exactly those packets.
     */
    public static Path breakPngFrames(Path file, int... frameIndexes) {
        try {
            byte[] data = Files.readAllBytes(file);
            List<Integer> signatures = new ArrayList<>();
            for (int i = 0; i + 8 <= data.length; i++) {
                if ((data[i] & 0xFF) == 0x89
                        && data[i + 1] == 'P'
                        && data[i + 2] == 'N'
                        && data[i + 3] == 'G') {
                    signatures.add(i);
                }
            }
            for (int f : frameIndexes) {
                // keep the signature (a parser splits packets at it) and break the IHDR chunk
                int at = signatures.get(f);
                data[at + 12] = 'X';
                data[at + 13] = 'Y';
            }
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a WAV file (one second of silence): a valid media file without a video stream. */
    public static Path silentWav(Path file) {
        int rate = 8000;
        ByteBuffer b = ByteBuffer.allocate(44 + rate * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + rate * 2);
        b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
        b.putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(rate * 2);
        try {
            return Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
