package io.frameflow.operators.analytics;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns frame results and track events into {@link WindowInput}s.
 *
 * <p>A frame counts its top-level detections (not what secondary stages found inside them) of the
 * classes {@link AnalyticsOptions#counts counted}, tracked or not. An object is in a zone when the
 * zone applies to the stream, watches its class, and {@link Zone#contains} its anchor ({@link
 * Point#anchorOf}, the middle of its box's bottom edge), again tracked or not; only tracked objects
 * add to the distinct {@code tracks}.
 *
 * <p>Of the track events, only {@code ZONE_ENTER} (a zone's {@code entries}) and {@code
 * LINE_CROSSING} (a line's {@code in} and {@code out}) feed windows, and only for the zones and
 * lines of the options that apply to the event's stream and watch its class; the others (track
 * start and end, zone exit) describe single tracks and go to the event sinks as they are.
 */
public final class WindowInputs {
    private WindowInputs() {}

    /** The counts of {@code result}. */
    public static WindowInput ofFrame(FrameResult result, AnalyticsOptions options) {
        Map<String, Counter> counts = new LinkedHashMap<>();
        List<Zone> zones = options.zonesOf(result.streamId());
        Map<String, Map<String, Counter>> inZones = new LinkedHashMap<>();
        for (Detection d : result.detections()) {
            String label = d.label();
            if (!options.counts(label)) {
                continue;
            }
            counts.computeIfAbsent(label, l -> new Counter()).add(d);
            if (zones.isEmpty()) {
                continue;
            }
            Point anchor = Point.anchorOf(d.x1(), d.y1(), d.x2(), d.y2());
            for (Zone zone : zones) {
                if (zone.watches(label) && zone.contains(anchor)) {
                    inZones.computeIfAbsent(zone.id(), z -> new LinkedHashMap<>())
                            .computeIfAbsent(label, l -> new Counter())
                            .add(d);
                }
            }
        }
        List<WindowInput.Tally> tallies = new ArrayList<>();
        counts.forEach((label, c) -> tallies.add(c.tally(Kind.COUNT, "", label)));
        inZones.forEach(
                (zone, byLabel) ->
                        byLabel.forEach(
                                (label, c) -> tallies.add(c.tally(Kind.OCCUPANCY, zone, label))));
        return new WindowInput(
                WindowInput.Source.FRAME,
                result.streamId(),
                result.seq(),
                result.captureTimeMillis(),
                tallies);
    }

    /** The counts of {@code event}, or null when it feeds no window (see the class comment). */
    public static WindowInput ofEvent(TrackEvent event, AnalyticsOptions options) {
        if (!options.counts(event.label())) {
            return null;
        }
        WindowInput.Source source;
        Kind kind;
        switch (event.type()) {
            case ZONE_ENTER -> {
                Zone zone = options.zone(event.area());
                if (zone == null
                        || !zone.appliesTo(event.streamId())
                        || !zone.watches(event.label())) {
                    return null;
                }
                source = WindowInput.Source.ZONE_ENTER;
                kind = Kind.OCCUPANCY;
            }
            case LINE_CROSSING -> {
                CountingLine line = options.line(event.area());
                if (line == null
                        || !line.appliesTo(event.streamId())
                        || !line.watches(event.label())) {
                    return null;
                }
                source =
                        event.direction() == TrackEvent.Direction.IN
                                ? WindowInput.Source.CROSSING_IN
                                : WindowInput.Source.CROSSING_OUT;
                kind = Kind.CROSSINGS;
            }
            default -> {
                return null;
            }
        }
        WindowInput.Tally tally =
                new WindowInput.Tally(
                        kind, event.area(), event.label(), 1, new long[] {event.trackId()});
        return new WindowInput(
                source, event.streamId(), event.seq(), event.timeMillis(), List.of(tally));
    }

    /** Objects of one class in one place of one frame. */
    private static final class Counter {
        int count;
        final Set<Long> tracks = new LinkedHashSet<>();

        void add(Detection d) {
            count++;
            if (d.tracked()) {
                tracks.add(d.trackId());
            }
        }

        WindowInput.Tally tally(Kind kind, String area, String label) {
            long[] ids = tracks.stream().mapToLong(Long::longValue).toArray();
            return new WindowInput.Tally(kind, area, label, count, ids);
        }
    }
}
