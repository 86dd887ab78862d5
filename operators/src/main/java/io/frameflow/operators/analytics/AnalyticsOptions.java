package io.frameflow.operators.analytics;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the analytics windows compute (the {@code analytics:} section of a pipeline file).
 *
 * @param windows the window kinds, each giving its own results; at least one, sizes distinct (two
 *     windows of one size would produce results of the same identity); key {@value #WINDOWS_KEY}
 * @param zones the zones whose occupancy is reported (the tracker's zones); ids unique; key {@value
 *     #ZONES_KEY}
 * @param lines the lines whose crossings are reported (the tracker's lines); ids unique; key
 *     {@value #LINES_KEY}
 * @param allowedLateness how long after a window's end (in event time) data for it is still taken
 *     in, each late item firing the window again with a higher revision; from 0 to {@link
 *     #LATENESS_LIMIT}, whole milliseconds, default {@link #DEFAULT_ALLOWED_LATENESS}; key {@value
 *     #ALLOWED_LATENESS_KEY}
 * @param labels the classes counted, e.g. {@code [person, car]}; empty for every class; key {@value
 *     #LABELS_KEY}
 */
public record AnalyticsOptions(
        List<WindowSpec> windows,
        List<Zone> zones,
        List<CountingLine> lines,
        Duration allowedLateness,
        Set<String> labels)
        implements Serializable {
    public static final String WINDOWS_KEY = "windows";
    public static final String ZONES_KEY = "zones";
    public static final String LINES_KEY = "lines";
    public static final String ALLOWED_LATENESS_KEY = "allowed-lateness";
    public static final String LABELS_KEY = "labels";

    /**
     * No lateness beyond the watermark's out-of-orderness: a window fires once and its result is
     * final. Late firings are opt-in because each one is another record the consumer has to fold in
     * (keeping the highest revision of an identity).
     */
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ZERO;

    /** The longest accepted allowed lateness; window state lives this much longer. */
    public static final Duration LATENESS_LIMIT = Duration.ofHours(1);

    private static final long serialVersionUID = 1L;

    public AnalyticsOptions {
        windows = List.copyOf(Objects.requireNonNull(windows, WINDOWS_KEY));
        zones = List.copyOf(Objects.requireNonNull(zones, ZONES_KEY));
        lines = List.copyOf(Objects.requireNonNull(lines, LINES_KEY));
        labels =
                Collections.unmodifiableSortedSet(
                        new TreeSet<>(Objects.requireNonNull(labels, LABELS_KEY)));
        Objects.requireNonNull(allowedLateness, ALLOWED_LATENESS_KEY);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException(
                    "analytics needs at least one window under '" + WINDOWS_KEY + "'");
        }
        Set<Duration> sizes = new HashSet<>();
        for (WindowSpec w : windows) {
            if (!sizes.add(w.size())) {
                throw new IllegalArgumentException(
                        "analytics '"
                                + WINDOWS_KEY
                                + "': two windows have size "
                                + DurationText.of(w.size())
                                + "; their results would have the same identity, so give each"
                                + " window its own size");
            }
        }
        unique(ZONES_KEY, zones.stream().map(Zone::id).toList());
        unique(LINES_KEY, lines.stream().map(CountingLine::id).toList());
        if (allowedLateness.isNegative()
                || allowedLateness.compareTo(LATENESS_LIMIT) > 0
                || !DurationText.wholeMillis(allowedLateness)) {
            throw new IllegalArgumentException(
                    "analytics '"
                            + ALLOWED_LATENESS_KEY
                            + "' = "
                            + DurationText.of(allowedLateness)
                            + " is out of range; use whole milliseconds from 0s to 1h");
        }
        for (String label : labels) {
            if (label.isBlank()) {
                throw new IllegalArgumentException(
                        "analytics '" + LABELS_KEY + "' holds an empty label");
            }
        }
    }

    /** Options for {@code windows}, no zones or lines, default lateness, every class. */
    public static AnalyticsOptions of(List<WindowSpec> windows) {
        return new AnalyticsOptions(
                windows, List.of(), List.of(), DEFAULT_ALLOWED_LATENESS, Set.of());
    }

    public AnalyticsOptions withZones(List<Zone> newZones) {
        return new AnalyticsOptions(windows, newZones, lines, allowedLateness, labels);
    }

    public AnalyticsOptions withLines(List<CountingLine> newLines) {
        return new AnalyticsOptions(windows, zones, newLines, allowedLateness, labels);
    }

    public AnalyticsOptions withAllowedLateness(Duration lateness) {
        return new AnalyticsOptions(windows, zones, lines, lateness, labels);
    }

    public AnalyticsOptions withLabels(Set<String> newLabels) {
        return new AnalyticsOptions(windows, zones, lines, allowedLateness, newLabels);
    }

    /** Whether objects of class {@code label} are counted at all. */
    public boolean counts(String label) {
        return labels.isEmpty() || labels.contains(label);
    }

    /** The zones that apply to {@code streamId}. */
    public List<Zone> zonesOf(String streamId) {
        return zones.stream().filter(z -> z.appliesTo(streamId)).toList();
    }

    /** The lines that apply to {@code streamId}. */
    public List<CountingLine> linesOf(String streamId) {
        return lines.stream().filter(l -> l.appliesTo(streamId)).toList();
    }

    /** The zone with id {@code id}, or null. */
    Zone zone(String id) {
        return zones.stream().filter(z -> z.id().equals(id)).findFirst().orElse(null);
    }

    /** The line with id {@code id}, or null. */
    CountingLine line(String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    private static void unique(String key, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException(
                        "analytics '" + key + "': id '" + id + "' is used twice");
            }
        }
    }
}
