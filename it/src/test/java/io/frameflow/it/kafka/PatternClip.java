package io.frameflow.it.kafka;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FFV1;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/** Writes a lossless clip of moving gradients, generated here, as input for H.264 test clips. */
final class PatternClip {
    private PatternClip() {}

    static Path write(Path file, int frames, int width, int height) {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            r.setFormat("avi");
            r.setFrameRate(25);
            r.setVideoCodec(AV_CODEC_ID_FFV1);
            r.setPixelFormat(AV_PIX_FMT_BGR0);
            r.start();
            ByteBuffer buf = ByteBuffer.allocateDirect(width * height * 3);
            byte[] bgr = new byte[width * height * 3];
            for (int i = 0; i < frames; i++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int o = (y * width + x) * 3;
                        bgr[o] = (byte) (x + i * 4);
                        bgr[o + 1] = (byte) (y * 2 + i * 3);
                        bgr[o + 2] = (byte) ((x ^ y) + i);
                    }
                }
                buf.clear();
                buf.put(bgr).flip();
                r.recordImage(
                        width, height, Frame.DEPTH_UBYTE, 3, width * 3, AV_PIX_FMT_BGR24, buf);
            }
            r.stop();
            return file;
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot write test clip " + file, e);
        }
    }
}
