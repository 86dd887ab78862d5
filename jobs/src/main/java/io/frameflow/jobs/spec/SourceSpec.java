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
 * @param reconnect how a live stream reconnects after an outage; optional
 * @param stallTimeout a live stream without a frame for this long is reconnected; optional
 * @param buffer decoded frames of a live stream waiting for the pipeline; optional
 * @param rtspTransport {@code tcp} or {@code udp} for RTSP; optional
 * @param sample which frames are analysed (max fps, every n-th, key frames only); optional: all
 * @param kafka a Kafka topic of encoded video instead of {@code uri}; optional
 */
public record SourceSpec(
        @JsonProperty("id") String id,
        @JsonProperty("uri") String uri,
        @JsonProperty("max-frames") Long maxFrames,
        @JsonProperty("reconnect") ReconnectSpec reconnect,
        @JsonProperty("stall-timeout") DurationValue stallTimeout,
        @JsonProperty("buffer") Integer buffer,
        @JsonProperty("rtsp-transport") String rtspTransport,
        @JsonProperty("sample") SampleSpec sample,
        @JsonProperty("kafka") KafkaSourceSpec kafka) {

    /** A stream read from {@code uri} with default live options, every frame analysed. */
    public SourceSpec(String id, String uri, Long maxFrames) {
        this(id, uri, maxFrames, null, null, null, null, null, null);
    }

    /** This source with {@code sample} as its sampling. */
    public SourceSpec withSample(SampleSpec value) {
        return new SourceSpec(
                id, uri, maxFrames, reconnect, stallTimeout, buffer, rtspTransport, value, kafka);
    }
}
