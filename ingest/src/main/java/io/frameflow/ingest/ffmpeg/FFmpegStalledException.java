package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;

/**
 * A stream watched with {@link FFmpegDecoder#watchFrames} delivered no picture within its stall
 * timeout, though it may still be connected and sending other data.
 */
public class FFmpegStalledException extends FFmpegException {
    private static final long serialVersionUID = 1L;

    public FFmpegStalledException(String message) {
        super(message, AVERROR_EXIT);
    }
}
