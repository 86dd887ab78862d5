package io.frameflow.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Codecs of encoded video that FrameFlow carries without re-encoding: one H.264 or H.265 access
 * unit in Annex-B form, or one JPEG picture, per packet.
 */
public enum VideoCodec {
    H264("h264"),
    H265("hevc"),
    MJPEG("mjpeg");

    private final String wireName;

    VideoCodec(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in configuration: FFmpeg's decoder name, e.g. {@code "hevc"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The codec with this wire name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static VideoCodec fromWireName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (VideoCodec c : values()) {
            if (c.wireName.equals(lower)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown codec '"
                        + name
                        + "'; known codecs: "
                        + Arrays.stream(values())
                                .map(VideoCodec::wireName)
                                .collect(Collectors.joining(", ")));
    }
}
