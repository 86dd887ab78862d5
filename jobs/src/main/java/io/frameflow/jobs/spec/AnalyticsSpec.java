package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code analytics} section: event-time windows over the tracked results, zones and lines (see
 * docs/analytics.md). It needs tracking, which it turns on with default settings when the file has
 * no {@code tracking} section.
 *
 * @param windows the windows to compute, each tumbling or sliding
 * @param allowedLateness how long after a window closed late frames still update it
 * @param labels the classes counted; all when absent
 * @param zones polygons whose occupancy and dwell times are measured
 * @param lines segments whose crossings are counted
 */
public record AnalyticsSpec(
        @JsonProperty("windows") List<WindowEntry> windows,
        @JsonProperty("allowed-lateness") DurationValue allowedLateness,
        @JsonProperty("labels") List<String> labels,
        @JsonProperty("zones") List<ZoneEntry> zones,
        @JsonProperty("lines") List<LineEntry> lines) {

    public AnalyticsSpec {
        windows = windows == null ? List.of() : List.copyOf(windows);
        zones = zones == null ? List.of() : List.copyOf(zones);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One entry of {@code windows}: exactly one of {@code tumbling: 10s} or {@code sliding: { size:
     * 1m, slide: 10s }}.
     */
    public record WindowEntry(
            @JsonProperty("tumbling") DurationValue tumbling,
            @JsonProperty("sliding") Sliding sliding) {}

    /** A sliding window: {@code size} long, a new one every {@code slide}. */
    public record Sliding(
            @JsonProperty("size") DurationValue size, @JsonProperty("slide") DurationValue slide) {}

    /**
     * A zone: an id and a polygon of {@code [x, y]} corners in source-frame pixels.
     *
     * @param id the zone's id in results
     * @param polygon at least three {@code [x, y]} corners, not closed
     * @param labels the classes the zone watches; all when absent
     * @param streams the streams it applies to; all when absent
     */
    public record ZoneEntry(
            @JsonProperty("id") String id,
            @JsonProperty("polygon") List<List<Double>> polygon,
            @JsonProperty("labels") List<String> labels,
            @JsonProperty("streams") List<String> streams) {}

    /**
     * A counting line from one {@code [x, y]} point to another.
     *
     * @param id the line's id in results
     * @param from the first end
     * @param to the second end; crossings from the left of from→to to its right are {@code in}
     * @param labels the classes counted; all when absent
     * @param streams the streams it applies to; all when absent
     */
    public record LineEntry(
            @JsonProperty("id") String id,
            @JsonProperty("from") List<Double> from,
            @JsonProperty("to") List<Double> to,
            @JsonProperty("labels") List<String> labels,
            @JsonProperty("streams") List<String> streams) {}
}
