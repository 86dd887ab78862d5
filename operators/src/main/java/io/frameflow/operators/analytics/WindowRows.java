package io.frameflow.operators.analytics;

import io.frameflow.common.WindowResult;
import io.frameflow.common.WindowResult.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the figures of a fired window into {@link WindowResult}s, one per (kind, area, label).
 *
 * <p>Which rows: every (kind, area, label) that something was counted for, and besides those zero
 * rows, so that a quiet window reads 0 rather than nothing. The labels of the zero rows of a place
 * (the whole stream, a zone or a line) are the place's own classes: the {@code labels} of the
 * options, cut down to the zone's or line's {@code labels} where it has some; where neither names
 * classes, the classes seen in the stream so far (in this window or an earlier one). {@code COUNT}
 * and {@code OCCUPANCY} zero rows need at least one frame in the window ({@code mean} is per
 * frame); {@code CROSSINGS} zero rows are given for every line of the stream.
 */
public final class WindowRows {
    public static final String FRAMES = "frames";
    public static final String DETECTIONS = "detections";
    public static final String MEAN = "mean";
    public static final String MAX = "max";
    public static final String TRACKS = "tracks";
    public static final String ENTRIES = "entries";
    public static final String IN = "in";
    public static final String OUT = "out";
    public static final String TOTAL = "total";

    private WindowRows() {}

    /**
     * The results of a window of {@code streamId} from {@code start} (inclusive) to {@code end}
     * (exclusive), ordered by kind, area and label.
     *
     * @param seen the classes seen in the stream so far, this window's included
     */
    public static List<WindowResult> of(
            String streamId,
            long start,
            long end,
            WindowTally tally,
            Set<String> seen,
            AnalyticsOptions options,
            int revision) {
        Set<WindowTally.Row> rows = tally.rows();
        if (tally.frames() > 0) {
            for (String label : labelsOf(Set.of(), seen, options)) {
                rows.add(new WindowTally.Row(Kind.COUNT, "", label));
            }
            for (Zone zone : options.zonesOf(streamId)) {
                for (String label : labelsOf(zone.labels(), seen, options)) {
                    rows.add(new WindowTally.Row(Kind.OCCUPANCY, zone.id(), label));
                }
            }
        }
        for (CountingLine line : options.linesOf(streamId)) {
            for (String label : labelsOf(line.labels(), seen, options)) {
                rows.add(new WindowTally.Row(Kind.CROSSINGS, line.id(), label));
            }
        }
        List<WindowResult> results = new ArrayList<>(rows.size());
        for (WindowTally.Row row : rows) {
            WindowTally.Figures f = tally.figures(row);
            results.add(
                    new WindowResult(
                            row.kind(),
                            streamId,
                            start,
                            end,
                            row.area(),
                            row.label(),
                            revision,
                            values(row.kind(), tally.frames(), f == null ? NONE : f)));
        }
        return results;
    }

    /** The classes counted in a window: every class seen in {@code tally}. */
    public static Set<String> labelsIn(WindowTally tally) {
        Set<String> labels = new TreeSet<>();
        for (WindowTally.Row row : tally.rows()) {
            labels.add(row.label());
        }
        return labels;
    }

    private static final WindowTally.Figures NONE = new WindowTally.Figures();

    private static Set<String> labelsOf(
            Set<String> placeLabels, Set<String> seen, AnalyticsOptions options) {
        Set<String> configured = options.labels();
        Set<String> labels = new TreeSet<>();
        if (!configured.isEmpty()) {
            for (String label : configured) {
                if (placeLabels.isEmpty() || placeLabels.contains(label)) {
                    labels.add(label);
                }
            }
        } else if (!placeLabels.isEmpty()) {
            labels.addAll(placeLabels);
        } else {
            labels.addAll(seen);
        }
        return labels;
    }

    private static Map<String, Double> values(Kind kind, long frames, WindowTally.Figures f) {
        Map<String, Double> v = new LinkedHashMap<>();
        switch (kind) {
            case COUNT -> {
                v.put(FRAMES, (double) frames);
                v.put(DETECTIONS, (double) f.sum());
                v.put(MEAN, mean(f.sum(), frames));
                v.put(MAX, (double) f.max());
                v.put(TRACKS, (double) f.tracks());
            }
            case OCCUPANCY -> {
                v.put(FRAMES, (double) frames);
                v.put(MEAN, mean(f.sum(), frames));
                v.put(MAX, (double) f.max());
                v.put(TRACKS, (double) f.tracks());
                v.put(ENTRIES, (double) f.entries());
            }
            case CROSSINGS -> {
                v.put(IN, (double) f.in());
                v.put(OUT, (double) f.out());
                v.put(TOTAL, (double) (f.in() + f.out()));
            }
        }
        return v;
    }

    private static double mean(long sum, long frames) {
        return frames == 0 ? 0.0 : (double) sum / frames;
    }
}
