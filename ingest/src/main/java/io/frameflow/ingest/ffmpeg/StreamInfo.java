package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * What FFmpeg found out about a stream when it opened it.
 *
 * @param codec FFmpeg's short codec name, e.g. {@code "h264"}, {@code "msmpeg4v3"}
 * @param width picture width in pixels
 * @param height picture height in pixels
 * @param frameRate frames per second, when the stream declares it
 * @param frameCount number of frames, when the container records it (files; never live streams)
 */
public record StreamInfo(
        String codec, int width, int height, OptionalDouble frameRate, OptionalLong frameCount) {

    public StreamInfo {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(frameRate, "frameRate");
        Objects.requireNonNull(frameCount, "frameCount");
    }

    /** What the stream's header says: codec, size, frame rate, frame count. */
    static StreamInfo of(AVStream stream) {
        AVCodecParameters par = stream.codecpar();
        OptionalDouble fps = OptionalDouble.empty();
        for (AVRational q : new AVRational[] {stream.avg_frame_rate(), stream.r_frame_rate()}) {
            if (q.num() > 0 && q.den() > 0) {
                fps = OptionalDouble.of((double) q.num() / q.den());
                break;
            }
        }
        long nb = stream.nb_frames();
        return new StreamInfo(
                avcodec_get_name(par.codec_id()).getString(),
                par.width(),
                par.height(),
                fps,
                nb > 0 ? OptionalLong.of(nb) : OptionalLong.empty());
    }

    /** One line for logs, e.g. {@code h264 1920x1080, 25.00 fps, 795 frames}. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(codec).append(' ');
        sb.append(width).append('x').append(height);
        sb.append(", ")
                .append(
                        frameRate.isPresent()
                                ? String.format(Locale.ROOT, "%.2f fps", frameRate.getAsDouble())
                                : "unknown fps");
        sb.append(", ")
                .append(
                        frameCount.isPresent()
                                ? frameCount.getAsLong() + " frames"
                                : "unknown frame count");
        return sb.toString();
    }
}
