package io.frameflow.jobs.assembly;

import io.frameflow.jobs.spec.AnalyticsSpec;
import io.frameflow.jobs.spec.DurationValue;
import io.frameflow.jobs.spec.PipelineSpec;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.jobs.spec.TrackingSpec;
import io.frameflow.operators.analytics.AnalyticsOptions;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Point;
import io.frameflow.operators.analytics.WindowSpec;
import io.frameflow.operators.analytics.Zone;
import io.frameflow.operators.track.TrackerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the {@code tracking} and {@code analytics} sections of a validated pipeline file into the
 * job's {@link FrameflowJob.Analytics}. The operators' own checks (e.g. two windows of one size)
 * surface here, prefixed with the file and the section.
 */
final class AnalyticsResolver {
    private AnalyticsResolver() {}

    /** The job's tracking and analytics, or null when the file asks for neither. */
    static FrameflowJob.Analytics resolve(PipelineSpec spec, String file) {
        if (!spec.tracks()) {
            return null;
        }
        TrackerOptions tracker = tracker(spec.tracking(), file);
        AnalyticsSpec a = spec.analytics();
        if (a == null) {
            return FrameflowJob.Analytics.trackingOnly(tracker, List.of(), List.of());
        }
        List<Zone> zones = new ArrayList<>();
        for (AnalyticsSpec.ZoneEntry z : a.zones()) {
            List<Point> corners = new ArrayList<>();
            for (List<Double> xy : z.polygon()) {
                corners.add(new Point(xy.get(0), xy.get(1)));
            }
            zones.add(new Zone(z.id(), corners, set(z.labels()), set(z.streams())));
        }
        List<CountingLine> lines = new ArrayList<>();
        for (AnalyticsSpec.LineEntry l : a.lines()) {
            lines.add(
                    new CountingLine(
                            l.id(),
                            new Point(l.from().get(0), l.from().get(1)),
                            new Point(l.to().get(0), l.to().get(1)),
                            set(l.labels()),
                            set(l.streams())));
        }
        if (a.windows().isEmpty()) {
            return FrameflowJob.Analytics.trackingOnly(tracker, zones, lines);
        }
        List<WindowSpec> windows = new ArrayList<>();
        for (AnalyticsSpec.WindowEntry w : a.windows()) {
            windows.add(
                    w.tumbling() != null
                            ? WindowSpec.tumbling(w.tumbling().duration())
                            : WindowSpec.sliding(
                                    w.sliding().size().duration(), w.sliding().slide().duration()));
        }
        try {
            return FrameflowJob.Analytics.of(
                    tracker,
                    new AnalyticsOptions(
                            windows,
                            zones,
                            lines,
                            a.allowedLateness() == null
                                    ? AnalyticsOptions.DEFAULT_ALLOWED_LATENESS
                                    : a.allowedLateness().duration(),
                            set(a.labels())));
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(file + ": analytics: " + e.getMessage(), e);
        }
    }

    private static TrackerOptions tracker(TrackingSpec t, String file) {
        try {
            return new TrackerOptions(
                    or(t.highThreshold(), TrackerOptions.DEFAULT_HIGH_THRESHOLD),
                    or(t.lowThreshold(), TrackerOptions.DEFAULT_LOW_THRESHOLD),
                    or(t.matchIou(), TrackerOptions.DEFAULT_MATCH_IOU),
                    t.minHits() == null ? TrackerOptions.DEFAULT_MIN_HITS : t.minHits(),
                    duration(t.maxLost(), TrackerOptions.DEFAULT_MAX_LOST),
                    set(t.labels()));
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(file + ": tracking: " + e.getMessage(), e);
        }
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static Duration duration(DurationValue value, Duration fallback) {
        return value == null ? fallback : value.duration();
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
