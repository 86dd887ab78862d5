package io.frameflow.ingest.source;

import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.uri.StreamUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the streams of a {@link VideoSource}. Nothing is checked until {@link #build()}, which
 * rejects a bad stream with a message naming the stream and the offending value.
 */
public final class VideoSourceBuilder {
    private final List<VideoStreamSpec> streams = new ArrayList<>();
    private DecoderOptions defaultOptions = DecoderOptions.defaults();

    VideoSourceBuilder() {}

    /**
     * Options for the streams added afterwards with {@link #addStream(String, String)} or {@link
     * #addStream(String, String, long)}.
     */
    public VideoSourceBuilder setDefaultOptions(DecoderOptions options) {
        this.defaultOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /** Adds a stream read to its end (for a live stream: forever). */
    public VideoSourceBuilder addStream(String id, String uri) {
        return addStream(new VideoStreamSpec(id, uri, null, defaultOptions));
    }

    /** Adds a stream that stops after {@code maxFrames} frames. */
    public VideoSourceBuilder addStream(String id, String uri, long maxFrames) {
        return addStream(new VideoStreamSpec(id, uri, maxFrames, defaultOptions));
    }

    /** Adds a fully described stream. */
    public VideoSourceBuilder addStream(VideoStreamSpec stream) {
        streams.add(Objects.requireNonNull(stream, "stream"));
        return this;
    }

    /** Adds streams, in order. */
    public VideoSourceBuilder addStreams(List<VideoStreamSpec> toAdd) {
        toAdd.forEach(this::addStream);
        return this;
    }

    /**
     * Checks the streams and builds the source.
     *
     * @throws IllegalArgumentException when there are no streams, a stream id is empty or used
     *     twice, a URI is empty or unsupported, or a frame limit is below 1
     */
    public VideoSource build() {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException(
                    "a video source needs at least one stream; add one with addStream(id, uri)");
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < streams.size(); i++) {
            VideoStreamSpec s = streams.get(i);
            check(s, i);
            Integer earlier = positions.putIfAbsent(s.id(), i);
            if (earlier != null) {
                throw new IllegalArgumentException(
                        "stream id '"
                                + s.id()
                                + "' is used by streams #"
                                + (earlier + 1)
                                + " and #"
                                + (i + 1)
                                + "; stream ids must be unique");
            }
        }
        return new VideoSource(streams);
    }

    private static void check(VideoStreamSpec s, int index) {
        if (s.id().isBlank()) {
            throw new IllegalArgumentException(
                    "stream #" + (index + 1) + " (" + s.redactedUri() + ") has an empty id");
        }
        if (s.uri().isBlank()) {
            throw new IllegalArgumentException(
                    "stream '" + s.id() + "' has an empty uri; expected " + StreamUri.ACCEPTED);
        }
        try {
            StreamUri.parse(s.uri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stream '" + s.id() + "': " + e.getMessage(), e);
        }
        if (s.hasMaxFrames() && s.maxFrames() < 1) {
            throw new IllegalArgumentException(
                    "stream '"
                            + s.id()
                            + "' has max-frames = "
                            + s.maxFrames()
                            + "; expected 1 or more (leave it unset to read to the end)");
        }
    }
}
