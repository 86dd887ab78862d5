package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code tracking} section: the per-stream tracker's settings, all optional (see
 * docs/analytics.md). Present, or implied by an {@code analytics} section, it turns tracking on.
 *
 * @param highThreshold detections at or above this score start and continue tracks
 * @param lowThreshold detections between this and {@code highThreshold} only keep tracks alive
 * @param matchIou the smallest overlap (IoU) of a detection with a track's predicted box to match
 * @param minHits frames in a row before a new track is confirmed and gets an id
 * @param maxLost capture time after which a track that was not seen ends
 * @param labels the classes tracked; all when absent
 */
public record TrackingSpec(
        @JsonProperty("high-threshold") Double highThreshold,
        @JsonProperty("low-threshold") Double lowThreshold,
        @JsonProperty("match-iou") Double matchIou,
        @JsonProperty("min-hits") Integer minHits,
        @JsonProperty("max-lost") DurationValue maxLost,
        @JsonProperty("labels") List<String> labels) {

    static final TrackingSpec DEFAULTS = new TrackingSpec(null, null, null, null, null, null);
}
