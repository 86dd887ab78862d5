package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * MP4 files per stream with the results drawn on the frames (docs/sinks.md, Annotated video).
 *
 * @param path the directory; each stream gets a subdirectory
 * @param fps frames per second of the files; from the frames' timestamps when absent
 * @param codec {@code h264} (default) or {@code mpeg4}
 * @param bitrate a fixed target in bits per second, instead of {@code quality}
 * @param quality {@code low}, {@code medium} (default) or {@code high}
 * @param segment video per file (default 10m)
 * @param idleTimeout a file without frames for this long is completed (default 1m)
 * @param draw what to draw; everything when absent
 * @param maskOpacity how much masks cover the picture (default 0.4)
 * @param streams the streams that get video; all when absent
 */
public record VideoSinkSpec(
        @JsonProperty("path") String path,
        @JsonProperty("fps") Double fps,
        @JsonProperty("codec") String codec,
        @JsonProperty("bitrate") Long bitrate,
        @JsonProperty("quality") String quality,
        @JsonProperty("segment") DurationValue segment,
        @JsonProperty("idle-timeout") DurationValue idleTimeout,
        @JsonProperty("draw") List<String> draw,
        @JsonProperty("mask-opacity") Double maskOpacity,
        @JsonProperty("streams") List<String> streams) {}
