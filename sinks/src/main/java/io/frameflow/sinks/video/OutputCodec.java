package io.frameflow.sinks.video;

import java.util.Locale;

/**
 * The video codec of the annotated-video files. Both come with the LGPL FFmpeg build that JavaCPP
 * ships (x264 is only in its GPL build).
 */
public enum OutputCodec {
    /**
     * H.264 through Cisco's OpenH264 ({@code libopenh264}): Constrained Baseline profile, plays in
     * every browser and player. The default.
     */
    H264("h264", "libopenh264"),
    /**
     * MPEG-4 Part 2 (FFmpeg's own {@code mpeg4} encoder): faster to encode, larger files at the
     * same quality, and browsers do not play it; for when OpenH264 is not available.
     */
    MPEG4("mpeg4", "mpeg4");

    private final String key;
    private final String encoder;

    OutputCodec(String key, String encoder) {
        this.key = key;
        this.encoder = encoder;
    }

    /** The name in pipeline files: {@code h264} or {@code mpeg4}. */
    public String key() {
        return key;
    }

    /** FFmpeg's name of the encoder. */
    public String encoder() {
        return encoder;
    }

    /**
     * The codec named {@code value} in pipeline files.
     *
     * @throws IllegalArgumentException naming the key {@value VideoSinkOptions#CODEC} and the valid
     *     values
     */
    public static OutputCodec parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (OutputCodec c : values()) {
            if (c.key.equals(v)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "video sink option '"
                        + VideoSinkOptions.CODEC
                        + "' = '"
                        + value
                        + "' is not a codec; expected h264 or mpeg4");
    }
}
