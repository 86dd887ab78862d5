package io.frameflow.ingest.source;

import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.uri.StreamUri;
import io.frameflow.ingest.uri.UriRedactor;
import java.io.Serializable;
import java.util.Objects;

/**
 * One stream of a {@link VideoSource}: its id, where it comes from and how to decode it. {@link
 * VideoSourceBuilder#build()} checks the values; a spec on its own only rejects nulls.
 *
 * @param id the stream's id, unique in the job; frames and dead letters carry it
 * @param uri a file path, {@code file:}, {@code rtsp://}, {@code rtsps://}, {@code http://} or
 *     {@code https://} URI; it may hold credentials, which never appear in logs or messages
 * @param maxFrames stop after this many frames; {@code null} to read the stream to its end
 * @param options how to open and decode the stream
 * @param live how a live stream reconnects, detects stalls and drops frames; a local file ignores
 *     it
 */
public record VideoStreamSpec(
        String id, String uri, Long maxFrames, DecoderOptions options, LiveStreamOptions live)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    public VideoStreamSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(live, "live");
    }

    /** A stream with default live stream options. */
    public VideoStreamSpec(String id, String uri, Long maxFrames, DecoderOptions options) {
        this(id, uri, maxFrames, options, LiveStreamOptions.defaults());
    }

    /** A stream read to its end with default options. */
    public static VideoStreamSpec of(String id, String uri) {
        return new VideoStreamSpec(id, uri, null, DecoderOptions.defaults());
    }

    /** This stream, stopping after {@code frames} frames. */
    public VideoStreamSpec withMaxFrames(long frames) {
        return new VideoStreamSpec(id, uri, frames, options, live);
    }

    /** This stream, decoded with {@code decoderOptions}. */
    public VideoStreamSpec withOptions(DecoderOptions decoderOptions) {
        return new VideoStreamSpec(id, uri, maxFrames, decoderOptions, live);
    }

    /** This stream, kept alive with {@code liveOptions} (when it is not a local file). */
    public VideoStreamSpec withLive(LiveStreamOptions liveOptions) {
        return new VideoStreamSpec(id, uri, maxFrames, options, liveOptions);
    }

    /** True when a frame limit is set. */
    public boolean hasMaxFrames() {
        return maxFrames != null;
    }

    /** The parsed location; {@link VideoSourceBuilder#build()} has checked that it parses. */
    public StreamUri streamUri() {
        return StreamUri.parse(uri);
    }

    /** True when the stream ends on its own: a local file, or a frame limit. */
    public boolean isFinite() {
        return hasMaxFrames() || streamUri().isLocalFile();
    }

    /** The URI with any password replaced by {@code ***}. */
    public String redactedUri() {
        return UriRedactor.redact(uri);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "VideoStreamSpec{id="
                + id
                + ", uri="
                + redactedUri()
                + (hasMaxFrames() ? ", maxFrames=" + maxFrames : "")
                + ", options="
                + options
                + ", live="
                + live
                + "}";
    }
}
