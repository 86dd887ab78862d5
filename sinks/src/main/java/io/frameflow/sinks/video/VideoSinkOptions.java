package io.frameflow.sinks.video;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the {@link AnnotatedVideoSink}. Every value is checked when the record is built, with
 * a message naming the key used in pipeline files, the value and what would be valid.
 *
 * @param path the directory that gets one subdirectory per stream; key {@value #PATH}
 * @param fps frames per second of the files, or {@link #FPS_FROM_PTS} to take the stream's rate
 *     from the presentation timestamps of its first two frames (25 when a stream has only one frame
 *     or its timestamps do not advance); key {@value #FPS}
 * @param codec the video codec; key {@value #CODEC}
 * @param bitrate target bits per second, or 0 to derive it from {@code quality}; key {@value
 *     #BITRATE}
 * @param quality the bit rate relative to the picture size and rate, or null when {@code bitrate}
 *     is given; key {@value #QUALITY}
 * @param segment how much video one file holds (by the frames' timestamps): a stream's file is
 *     closed, renamed and a new one started when a frame's timestamp is this far past the file's
 *     first; key {@value #SEGMENT}
 * @param idleTimeout a file that has had no frame for this long (wall-clock time) is closed and
 *     renamed, so that a stalled camera's video becomes visible; key {@value #IDLE_TIMEOUT}
 * @param draw what is drawn; keys {@value #DRAW} and {@value DrawOptions#MASK_OPACITY}
 * @param streams the streams that get video, or empty for all; key {@value #STREAMS}
 */
public record VideoSinkOptions(
        String path,
        double fps,
        OutputCodec codec,
        long bitrate,
        Quality quality,
        Duration segment,
        Duration idleTimeout,
        DrawOptions draw,
        List<String> streams)
        implements Serializable {

    public static final String PATH = "path";
    public static final String FPS = "fps";
    public static final String CODEC = "codec";
    public static final String BITRATE = "bitrate";
    public static final String QUALITY = "quality";
    public static final String SEGMENT = "segment";
    public static final String IDLE_TIMEOUT = "idle-timeout";
    public static final String DRAW = "draw";
    public static final String STREAMS = "streams";

    /** {@link #fps()} that means: from the frames' presentation timestamps. */
    public static final double FPS_FROM_PTS = 0;

    /** The rate of a stream whose timestamps tell nothing. */
    public static final double FALLBACK_FPS = 25;

    public static final double MAX_FPS = 240;
    public static final long MIN_BITRATE = 10_000;
    public static final long MAX_BITRATE = 200_000_000;
    public static final Duration DEFAULT_SEGMENT = Duration.ofMinutes(10);
    public static final Duration MIN_SEGMENT = Duration.ofSeconds(1);
    public static final Duration MAX_SEGMENT = Duration.ofHours(24);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(1);
    public static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(1);

    private static final long serialVersionUID = 1L;

    public VideoSinkOptions {
        if (path == null || path.isBlank()) {
            throw invalid(PATH, path, "a directory");
        }
        if (!(fps == FPS_FROM_PTS || (fps >= 1 && fps <= MAX_FPS))) {
            throw invalid(FPS, fps, "1 to " + (int) MAX_FPS + " frames per second, or left out");
        }
        Objects.requireNonNull(codec, CODEC);
        if (bitrate != 0 && quality != null) {
            throw new IllegalArgumentException(
                    "video sink options '"
                            + BITRATE
                            + "' and '"
                            + QUALITY
                            + "' are both given; give one of them");
        }
        if (bitrate == 0 && quality == null) {
            throw new IllegalArgumentException(
                    "video sink needs '" + BITRATE + "' or '" + QUALITY + "'; neither is given");
        }
        if (bitrate != 0 && (bitrate < MIN_BITRATE || bitrate > MAX_BITRATE)) {
            throw invalid(
                    BITRATE, bitrate, MIN_BITRATE + " to " + MAX_BITRATE + " bits per second");
        }
        checkDuration(SEGMENT, segment, MIN_SEGMENT, MAX_SEGMENT);
        checkDuration(IDLE_TIMEOUT, idleTimeout, MIN_IDLE_TIMEOUT, MAX_SEGMENT);
        Objects.requireNonNull(draw, DRAW);
        streams = List.copyOf(streams);
        Set<String> seen = new HashSet<>();
        for (String s : streams) {
            if (s.isBlank()) {
                throw invalid(STREAMS, streams, "stream ids (an empty id is not one)");
            }
            if (!seen.add(s)) {
                throw invalid(STREAMS, streams, "stream ids, each once ('" + s + "' is repeated)");
            }
        }
    }

    /**
     * Video of every stream into {@code path}: frame rate from the timestamps, H.264 at medium
     * quality, 10-minute files, everything drawn.
     */
    public static VideoSinkOptions defaults(String path) {
        return new VideoSinkOptions(
                path,
                FPS_FROM_PTS,
                OutputCodec.H264,
                0,
                Quality.MEDIUM,
                DEFAULT_SEGMENT,
                DEFAULT_IDLE_TIMEOUT,
                DrawOptions.all(),
                List.of());
    }

    public VideoSinkOptions withFps(double value) {
        return new VideoSinkOptions(
                path, value, codec, bitrate, quality, segment, idleTimeout, draw, streams);
    }

    public VideoSinkOptions withCodec(OutputCodec value) {
        return new VideoSinkOptions(
                path, fps, value, bitrate, quality, segment, idleTimeout, draw, streams);
    }

    /** A fixed bit rate instead of a quality. */
    public VideoSinkOptions withBitrate(long value) {
        return new VideoSinkOptions(
                path, fps, codec, value, null, segment, idleTimeout, draw, streams);
    }

    /** A quality instead of a fixed bit rate. */
    public VideoSinkOptions withQuality(Quality value) {
        return new VideoSinkOptions(
                path, fps, codec, 0, value, segment, idleTimeout, draw, streams);
    }

    public VideoSinkOptions withSegment(Duration value) {
        return new VideoSinkOptions(
                path, fps, codec, bitrate, quality, value, idleTimeout, draw, streams);
    }

    public VideoSinkOptions withIdleTimeout(Duration value) {
        return new VideoSinkOptions(
                path, fps, codec, bitrate, quality, segment, value, draw, streams);
    }

    public VideoSinkOptions withDraw(DrawOptions value) {
        return new VideoSinkOptions(
                path, fps, codec, bitrate, quality, segment, idleTimeout, value, streams);
    }

    public VideoSinkOptions withStreams(List<String> value) {
        return new VideoSinkOptions(
                path, fps, codec, bitrate, quality, segment, idleTimeout, draw, value);
    }

    /** Whether frames of {@code streamId} get video. */
    public boolean selects(String streamId) {
        return streams.isEmpty() || streams.contains(streamId);
    }

    /** The bit rate of a stream of {@code width x height} pictures at {@code rate} fps. */
    long bitrateFor(int width, int height, double rate) {
        return bitrate != 0 ? bitrate : quality.bitrate(width, height, rate);
    }

    private static void checkDuration(String key, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(
                    key,
                    value == null ? null : value.toMillis() + " ms",
                    min.toMillis() + " ms to " + max.toHours() + " h");
        }
    }

    private static IllegalArgumentException invalid(String key, Object value, String expected) {
        return new IllegalArgumentException(
                "video sink option '" + key + "' = " + value + " is invalid; expected " + expected);
    }
}
