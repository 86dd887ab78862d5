package io.frameflow.sinks.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * The sample clip {@code vtest.avi} (pedestrians, 768x576, 10 fps) from the FrameFlow cache, where
 * {@code ./frameflow} and the jobs tests put it when they fetch {@code sample:vtest.avi}; decoded
 * with JavaCV into frames as the source would make them. The sinks module cannot fetch it itself:
 * the fetcher lives in modules it must not depend on.
 */
final class SampleClip {
    private SampleClip() {}

    /** The cached clip, if there is one. */
    static Optional<Path> find() throws IOException {
        String cache = System.getenv("FRAMEFLOW_CACHE");
        Path root =
                cache != null
                        ? Path.of(cache)
                        : Path.of(System.getProperty("user.home"), ".cache", "frameflow");
        Path assets = root.resolve("assets");
        if (!Files.isDirectory(assets)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(assets)) {
            return files.filter(p -> p.getFileName().toString().equals("vtest.avi")).findFirst();
        }
    }

    /** The first {@code count} frames of {@code clip} as frames of stream {@code stream}. */
    static List<VideoFrame> decode(Path clip, String stream, int count) throws IOException {
        List<VideoFrame> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_BGR24);
            grabber.start();
            int w = grabber.getImageWidth();
            int h = grabber.getImageHeight();
            Frame f;
            while (frames.size() < count && (f = grabber.grabImage()) != null) {
                ByteBuffer buf = (ByteBuffer) f.image[0];
                byte[] bgr = new byte[w * h * 3];
                for (int y = 0; y < h; y++) {
                    buf.position(y * f.imageStride);
                    buf.get(bgr, y * w * 3, w * 3);
                }
                long seq = frames.size();
                frames.add(
                        new VideoFrame(
                                stream,
                                seq,
                                f.timestamp,
                                f.timestamp / 1000,
                                TimeSource.MEDIA,
                                w,
                                h,
                                false,
                                bgr));
            }
            grabber.stop();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException("cannot decode " + clip + ": " + e.getMessage(), e);
        }
        return frames;
    }
}
