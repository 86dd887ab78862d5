package io.frameflow.sinks.video;

import java.util.Locale;

/**
 * A bit rate chosen relative to the picture: bits per pixel per frame, so that one setting suits
 * every frame size and rate. At 768x576 and 10 fps, {@code medium} is about 350 kbit/s; at 1080p
 * and 30 fps about 5 Mbit/s.
 */
public enum Quality {
    LOW(0.04),
    MEDIUM(0.08),
    HIGH(0.16);

    /** No file is encoded below this rate, however small the picture. */
    public static final long MIN_BITRATE = 64_000;

    private final double bitsPerPixel;

    Quality(double bitsPerPixel) {
        this.bitsPerPixel = bitsPerPixel;
    }

    /** Bits per pixel per frame. */
    public double bitsPerPixel() {
        return bitsPerPixel;
    }

    /** The bit rate for pictures of {@code width x height} at {@code fps} frames per second. */
    public long bitrate(int width, int height, double fps) {
        return Math.max(MIN_BITRATE, Math.round(bitsPerPixel * width * height * fps));
    }

    /** The name in pipeline files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The quality named {@code value} in pipeline files.
     *
     * @throws IllegalArgumentException naming the key {@value VideoSinkOptions#QUALITY} and the
     *     valid values
     */
    public static Quality parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (Quality q : values()) {
            if (q.key().equals(v)) {
                return q;
            }
        }
        throw new IllegalArgumentException(
                "video sink option '"
                        + VideoSinkOptions.QUALITY
                        + "' = '"
                        + value
                        + "' is not a quality; expected low, medium or high");
    }
}
