package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code sources}: a video stream ({@code uri}), or a Kafka topic of encoded video
 * ({@code kafka}) whose streams are all read.
 *
 * @param id the stream's id in results; optional: derived from the file name or URI path
 * @param uri a file path, {@code file:}, {@code rtsp://}, {@code rtsps://}, {@code http(s)://}, or
 *     {@code sample:NAME} for a sample video that FrameFlow fetches (e.g. {@code sample:vtest.avi})
 * @param maxFrames stop this stream after this many frames; optional
 * @param kafka a Kafka topic instead of {@code uri}; optional
 */
public record SourceSpec(
        @JsonProperty("id") String id,
        @JsonProperty("uri") String uri,
        @JsonProperty("max-frames") Long maxFrames,
        @JsonProperty("kafka") KafkaSourceSpec kafka) {

    /** A stream read from {@code uri}. */
    public SourceSpec(String id, String uri, Long maxFrames) {
        this(id, uri, maxFrames, null);
    }
}
