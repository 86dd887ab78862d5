package io.frameflow.ingest.ffmpeg;

import java.io.IOException;

/**
 * A stream could not be opened or read. The message is for a person: it names the stream's
 * (redacted) location and carries FFmpeg's own error text, e.g. {@code cannot open /x/y.avi: No
 * such file or directory}.
 */
public class FFmpegException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;

    public FFmpegException(String message, int errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    /** FFmpeg's negative error code ({@code AVERROR(...)}), or 0 when FFmpeg gave none. */
    public int errorCode() {
        return errorCode;
    }
}
