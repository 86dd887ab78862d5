package io.frameflow.ingest.ffmpeg;

/**
 * A stream's codec cannot be carried as it is: {@link PacketReader} passes through H.264, H.265 and
 * MJPEG only. The message names the stream, its codec and the supported ones.
 */
public class UnsupportedCodecException extends FFmpegException {
    private static final long serialVersionUID = 1L;

    private final String codec;

    public UnsupportedCodecException(String message, String codec) {
        super(message, 0);
        this.codec = codec;
    }

    /** FFmpeg's name of the codec found, e.g. {@code "msmpeg4v3"}. */
    public String codec() {
        return codec;
    }
}
