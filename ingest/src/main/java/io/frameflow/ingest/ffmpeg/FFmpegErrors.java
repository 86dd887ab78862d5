package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** FFmpeg's error codes as text. */
final class FFmpegErrors {
    private static final int MAX_MESSAGE = 256;

    private FFmpegErrors() {}

    /** FFmpeg's description of {@code code}, e.g. "Invalid data found when processing input". */
    static String describe(int code) {
        byte[] buf = new byte[MAX_MESSAGE];
        if (av_strerror(code, buf, buf.length) < 0) {
            return "FFmpeg error " + code;
        }
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
