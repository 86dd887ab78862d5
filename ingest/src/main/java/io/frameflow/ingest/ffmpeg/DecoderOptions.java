package io.frameflow.ingest.ffmpeg;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How one stream is opened and decoded. Immutable; start from {@link #defaults()} and change what
 * differs with the {@code with…} methods. Every value is checked when it is set, with a message
 * that names the option key (as used in pipeline files), the value and the valid range.
 *
 * @param openTimeout how long opening a stream (connect, probe the format) may take before it
 *     fails; key {@value #OPEN_TIMEOUT}
 * @param readTimeout how long one read may wait for data before the stream counts as dead; key
 *     {@value #READ_TIMEOUT}
 * @param decoderThreads FFmpeg decoder threads, 0 = one per core (FFmpeg's "auto"); key {@value
 *     #DECODER_THREADS}
 * @param maxConsecutiveErrors after this many packets in a row that the decoder rejects, the stream
 *     fails; key {@value #MAX_CONSECUTIVE_ERRORS}
 * @param rtspTransport the RTSP transport; key {@value #RTSP_TRANSPORT}
 * @param keyframesOnly decode only key frames: the decoder discards every other frame without
 *     decoding it ({@code skip_frame = AVDISCARD_NONKEY}), which costs far less than decoding and
 *     dropping; key {@value #KEYFRAMES_ONLY}
 */
public record DecoderOptions(
        Duration openTimeout,
        Duration readTimeout,
        int decoderThreads,
        int maxConsecutiveErrors,
        RtspTransport rtspTransport,
        boolean keyframesOnly)
        implements Serializable {

    public static final String OPEN_TIMEOUT = "open-timeout";
    public static final String READ_TIMEOUT = "read-timeout";
    public static final String DECODER_THREADS = "decoder-threads";
    public static final String MAX_CONSECUTIVE_ERRORS = "max-consecutive-errors";
    public static final String RTSP_TRANSPORT = "rtsp-transport";
    public static final String KEYFRAMES_ONLY = "keyframes-only";

    /** The largest decoder thread count accepted; FFmpeg itself caps frame threads lower. */
    public static final int MAX_DECODER_THREADS = 64;

    private static final long serialVersionUID = 1L;
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    private static final DecoderOptions DEFAULTS =
            new DecoderOptions(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10),
                    0,
                    100,
                    RtspTransport.TCP,
                    false);

    /** RTSP transport for the media packets. */
    public enum RtspTransport {
        /** Interleaved in the RTSP TCP connection: no loss, passes firewalls (the default). */
        TCP,
        /** RTP over UDP: lower latency, but packets can be lost. */
        UDP;

        /** The value FFmpeg's {@code rtsp_transport} option takes. */
        public String ffmpegName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DecoderOptions {
        checkTimeout(OPEN_TIMEOUT, openTimeout);
        checkTimeout(READ_TIMEOUT, readTimeout);
        if (decoderThreads < 0 || decoderThreads > MAX_DECODER_THREADS) {
            throw invalid(
                    DECODER_THREADS, decoderThreads, "0 (one per core) to " + MAX_DECODER_THREADS);
        }
        if (maxConsecutiveErrors < 1) {
            throw invalid(MAX_CONSECUTIVE_ERRORS, maxConsecutiveErrors, "1 or more");
        }
        Objects.requireNonNull(rtspTransport, RTSP_TRANSPORT);
    }

    /**
     * Open and read timeouts of 10 s, automatic threads, 100 consecutive errors, RTSP over TCP,
     * every frame decoded.
     */
    public static DecoderOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Reads options from string key/value pairs, e.g. from a pipeline file: durations as ISO-8601
     * ({@code PT5S}) or a number with a unit ({@code 500ms}, {@code 5s}, {@code 1m}). Keys that are
     * absent keep their defaults.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming both
     */
    public static DecoderOptions fromMap(Map<String, String> values) {
        DecoderOptions o = DEFAULTS;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().trim();
            switch (e.getKey()) {
                case OPEN_TIMEOUT -> o = o.withOpenTimeout(parseDuration(OPEN_TIMEOUT, v));
                case READ_TIMEOUT -> o = o.withReadTimeout(parseDuration(READ_TIMEOUT, v));
                case DECODER_THREADS -> o = o.withDecoderThreads(parseInt(DECODER_THREADS, v));
                case MAX_CONSECUTIVE_ERRORS ->
                        o = o.withMaxConsecutiveErrors(parseInt(MAX_CONSECUTIVE_ERRORS, v));
                case RTSP_TRANSPORT -> o = o.withRtspTransport(parseTransport(v));
                case KEYFRAMES_ONLY -> o = o.withKeyframesOnly(parseBoolean(KEYFRAMES_ONLY, v));
                default ->
                        throw new IllegalArgumentException(
                                "unknown decoder option '"
                                        + e.getKey()
                                        + "'; known options: "
                                        + String.join(
                                                ", ",
                                                OPEN_TIMEOUT,
                                                READ_TIMEOUT,
                                                DECODER_THREADS,
                                                MAX_CONSECUTIVE_ERRORS,
                                                RTSP_TRANSPORT,
                                                KEYFRAMES_ONLY));
            }
        }
        return o;
    }

    public DecoderOptions withOpenTimeout(Duration value) {
        return new DecoderOptions(
                value,
                readTimeout,
                decoderThreads,
                maxConsecutiveErrors,
                rtspTransport,
                keyframesOnly);
    }

    public DecoderOptions withReadTimeout(Duration value) {
        return new DecoderOptions(
                openTimeout,
                value,
                decoderThreads,
                maxConsecutiveErrors,
                rtspTransport,
                keyframesOnly);
    }

    public DecoderOptions withDecoderThreads(int value) {
        return new DecoderOptions(
                openTimeout,
                readTimeout,
                value,
                maxConsecutiveErrors,
                rtspTransport,
                keyframesOnly);
    }

    public DecoderOptions withMaxConsecutiveErrors(int value) {
        return new DecoderOptions(
                openTimeout, readTimeout, decoderThreads, value, rtspTransport, keyframesOnly);
    }

    public DecoderOptions withRtspTransport(RtspTransport value) {
        return new DecoderOptions(
                openTimeout,
                readTimeout,
                decoderThreads,
                maxConsecutiveErrors,
                value,
                keyframesOnly);
    }

    public DecoderOptions withKeyframesOnly(boolean value) {
        return new DecoderOptions(
                openTimeout,
                readTimeout,
                decoderThreads,
                maxConsecutiveErrors,
                rtspTransport,
                value);
    }

    private static void checkTimeout(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid(key, value, "a duration above 0 and at most " + MAX_TIMEOUT);
        }
    }

    private static IllegalArgumentException invalid(String key, Object value, String valid) {
        return new IllegalArgumentException(
                "invalid decoder option '" + key + "' = " + value + "; expected " + valid);
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            IllegalArgumentException bad = invalid(key, "'" + value + "'", "a whole number");
            bad.initCause(e);
            throw bad;
        }
    }

    private static boolean parseBoolean(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "'" + value + "'", "true or false");
        };
    }

    private static RtspTransport parseTransport(String value) {
        try {
            return RtspTransport.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            IllegalArgumentException bad = invalid(RTSP_TRANSPORT, "'" + value + "'", "tcp or udp");
            bad.initCause(e);
            throw bad;
        }
    }

    static Duration parseDuration(String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(value);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            }
        } catch (RuntimeException ignored) {
            // falls through to the message below, which says what the value should look like
        }
        throw invalid(key, "'" + value + "'", "a duration such as 500ms, 5s, 1m or PT5S");
    }
}
