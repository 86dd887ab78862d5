package io.frameflow.ingest.ffmpeg;

import io.frameflow.ingest.uri.StreamUri;

/**
 * Opens a stream, reads what FFmpeg knows about it and closes it again: for checking sources before
 * a job starts, and for progress displays (frames done out of {@link StreamInfo#frameCount()}).
 */
public final class VideoProbe {

    private VideoProbe() {}

    /** {@link #probe(String, DecoderOptions)} with default options. */
    public static StreamInfo probe(String uri) throws FFmpegException {
        return probe(uri, DecoderOptions.defaults());
    }

    /**
     * Probes the stream at {@code uri} (a file path, {@code file:}, {@code rtsp(s)://} or {@code
     * http(s)://}).
     *
     * @throws IllegalArgumentException when {@code uri} is not a supported location
     * @throws FFmpegException when it cannot be opened; the message says why and never shows a
     *     password
     */
    public static StreamInfo probe(String uri, DecoderOptions options) throws FFmpegException {
        StreamUri parsed = StreamUri.parse(uri);
        try (FFmpegDecoder decoder = new FFmpegDecoder(parsed, options)) {
            return decoder.open();
        }
    }
}
