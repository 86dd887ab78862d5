package io.frameflow.sinks.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** Reads video files back with JavaCV's grabber, as a player would. */
final class Mp4Files {
    private Mp4Files() {}

    /** A decoded file: its pictures (packed BGR24), their timestamps, size, rate and codec. */
    record Decoded(
            List<byte[]> pictures,
            List<Long> timestampsMicros,
            int width,
            int height,
            double frameRate,
            String codec) {
        int frames() {
            return pictures.size();
        }
    }

    static Decoded decode(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_BGR24);
            grabber.start();
            int w = grabber.getImageWidth();
            int h = grabber.getImageHeight();
            List<byte[]> pictures = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            Frame f;
            while ((f = grabber.grabImage()) != null) {
                ByteBuffer buf = (ByteBuffer) f.image[0];
                byte[] bgr = new byte[w * h * 3];
                for (int y = 0; y < h; y++) {
                    buf.position(y * f.imageStride);
                    buf.get(bgr, y * w * 3, w * 3);
                }
                pictures.add(bgr);
                times.add(f.timestamp);
            }
            String codec = grabber.getVideoCodecName();
            double rate = grabber.getFrameRate();
            grabber.stop();
            return new Decoded(pictures, times, w, h, rate, codec);
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException("cannot decode " + file + ": " + e.getMessage(), e);
        }
    }

    /** The names of the files in {@code dir}, hidden ones included, sorted. */
    static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
