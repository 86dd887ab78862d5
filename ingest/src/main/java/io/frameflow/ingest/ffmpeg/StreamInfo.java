package io.frameflow.ingest.ffmpeg;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

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

    /** One line for logs, e.g. {@code h264 1920x1080, 25.00 fps, 795 frames}. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(codec).append(' ');
        sb.append(width).append('x').append(height);
        sb.append(", ")
                .append(
                        frameRate.isPresent()
                                ? String.format(
                                        java.util.Locale.ROOT, "%.2f fps", frameRate.getAsDouble())
                                : "unknown fps");
        sb.append(", ")
                .append(
                        frameCount.isPresent()
                                ? frameCount.getAsLong() + " frames"
                                : "unknown frame count");
        return sb.toString();
    }
}
