package io.frameflow.ingest.uri;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a video stream comes from: a local file (a path or a {@code file:} URI), an RTSP camera
 * ({@code rtsp://}, {@code rtsps://}) or an HTTP resource ({@code http://}, {@code https://}). It
 * knows the URL to give FFmpeg and a redacted form for anything a person may read.
 */
public final class StreamUri {

    /** The kind of source, which decides boundedness, time source and network options. */
    public enum Kind {
        /** A local file: finite, replayable, timed by its media timestamps. */
        FILE,
        /** An RTSP camera or server: live, timed by arrival. */
        RTSP,
        /** An HTTP(S) resource, treated as live: it may be a never-ending stream. */
        HTTP
    }

    /** The forms {@link #parse} accepts, for error messages. */
    public static final String ACCEPTED =
            "a file path, file:, rtsp://, rtsps://, http:// or https://";

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*):");

    private final Kind kind;
    private final String original;
    private final String ffmpegUrl;

    private StreamUri(Kind kind, String original, String ffmpegUrl) {
        this.kind = kind;
        this.original = original;
        this.ffmpegUrl = ffmpegUrl;
    }

    /**
     * Parses a stream location.
     *
     * @throws IllegalArgumentException when it is empty, has an unsupported scheme or is not a
     *     valid path; the message quotes the redacted location and says what would be valid
     */
    public static StreamUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        String trimmed = uri.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the URI is empty; expected " + ACCEPTED);
        }
        Matcher m = SCHEME.matcher(trimmed);
        if (!m.find()) {
            return file(trimmed, trimmed);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file":
                return file(trimmed, filePath(trimmed));
            case "rtsp":
            case "rtsps":
                return new StreamUri(Kind.RTSP, trimmed, trimmed);
            case "http":
            case "https":
                return new StreamUri(Kind.HTTP, trimmed, trimmed);
            default:
                throw new IllegalArgumentException(
                        "unsupported scheme '"
                                + scheme
                                + "' in '"
                                + UriRedactor.redact(trimmed)
                                + "'; expected "
                                + ACCEPTED);
        }
    }

    private static String filePath(String fileUri) {
        try {
            URI u = URI.create(fileUri);
            if (u.isOpaque()) {
                // "file:clips/a.avi": a relative path, which java.net.URI cannot turn into a Path
                return u.getSchemeSpecificPart();
            }
            return Path.of(u).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid file URI '" + UriRedactor.redact(fileUri) + "': " + e.getMessage(), e);
        }
    }

    private static StreamUri file(String original, String path) {
        try {
            // FFmpeg reads "a:b.avi" as protocol "a"; the explicit file: protocol avoids that.
            return new StreamUri(Kind.FILE, original, "file:" + Path.of(path).toAbsolutePath());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "invalid file path '" + original + "': " + e.getMessage(), e);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** True for a local file, which ends, can be replayed and carries media time. */
    public boolean isLocalFile() {
        return kind == Kind.FILE;
    }

    /**
     * The absolute path of a local file.
     *
     * @throws IllegalStateException if this is not a local file
     */
    public Path localPath() {
        if (kind != Kind.FILE) {
            throw new IllegalStateException(redacted() + " is not a local file");
        }
        return Path.of(ffmpegUrl.substring("file:".length()));
    }

    /** The URL handed to FFmpeg; it may contain credentials, so never log it. */
    public String ffmpegUrl() {
        return ffmpegUrl;
    }

    /** The location as the user wrote it, with any password replaced by {@code ***}. */
    public String redacted() {
        return UriRedactor.redact(original);
    }

    /** Same as {@link #redacted()}: a StreamUri never prints its password. */
    @Override
    public String toString() {
        return redacted();
    }
}
