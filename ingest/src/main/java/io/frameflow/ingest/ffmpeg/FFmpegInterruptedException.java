package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;

/**
 * An open was stopped by {@link FFmpegDecoder#interrupt()}, not by a problem with the stream: the
 * caller asked for it (shutdown, cancellation) and may try again later.
 */
public class FFmpegInterruptedException extends FFmpegException {
    private static final long serialVersionUID = 1L;

    public FFmpegInterruptedException(String message) {
        super(message, AVERROR_EXIT);
    }
}
