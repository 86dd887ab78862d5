package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One video stream.
 *
 * @param id the stream's id in results; optional: derived from the file name or URI path
 * @param uri a file path, {@code file:}, {@code rtsp://}, {@code rtsps://}, {@code http(s)://}, or
 *     {@code sample:NAME} for a sample video that FrameFlow fetches (e.g. {@code sample:vtest.avi})
 * @param maxFrames stop this stream after this many frames; optional
 * @param sample which frames are analysed (max fps, every n-th, key frames only); optional: all
 */
public record SourceSpec(
        @JsonProperty("id") String id,
        @JsonProperty("uri") String uri,
        @JsonProperty("max-frames") Long maxFrames,
        @JsonProperty("sample") SampleSpec sample) {

    /** A stream whose every frame is analysed. */
    public SourceSpec(String id, String uri, Long maxFrames) {
        this(id, uri, maxFrames, null);
    }
}
