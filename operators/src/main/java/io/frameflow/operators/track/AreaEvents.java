package io.frameflow.operators.track;

import io.frameflow.common.Detection;
import io.frameflow.common.TrackEvent;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Point;
import io.frameflow.operators.analytics.Zone;
import java.util.List;

/**
 * Zone and line events of one stream's tracks: which zone a track's anchor is in, which side of
 * each line it was last on, and the events when that changes. Only confirmed tracks produce events;
 * tentative ones keep their line sides, so that a crossing between the last tentative frame and the
 * confirming one still counts.
 */
final class AreaEvents {
    private final String streamId;
    private final List<Zone> zones;
    private final List<CountingLine> lines;

    /**
     * @param zones the zones that apply to the stream, in the order their events are emitted
     * @param lines the lines that apply to the stream, in the same sense
     */
    AreaEvents(String streamId, List<Zone> zones, List<CountingLine> lines) {
        this.streamId = streamId;
        this.zones = zones;
        this.lines = lines;
    }

    /**
     * Events of track {@code t} when it is matched to {@code d} in frame {@code seq} at {@code
     * millis}. Call it before the track takes the new box ({@code t}'s box is its previous one), or
     * with {@code fresh} for a track that starts in this frame and has no previous box.
     */
    void seen(Track t, boolean fresh, Detection d, long seq, long millis, List<TrackEvent> out) {
        Point now = Point.anchorOf(d.x1(), d.y1(), d.x2(), d.y2());
        if (t.confirmed()) {
            zones(t, now, d, seq, millis, out);
        }
        Point before = fresh ? null : t.anchor();
        for (CountingLine line : lines) {
            if (!line.watches(t.label)) {
                continue;
            }
            if (before != null && t.confirmed()) {
                TrackEvent.Direction dir = line.crossing(before, t.sideOf(line.id()), now);
                if (dir != null) {
                    out.add(
                            event(
                                    t,
                                    TrackEvent.Type.LINE_CROSSING,
                                    line.id(),
                                    dir,
                                    seq,
                                    millis,
                                    d));
                }
            }
            int side = line.side(now);
            if (side != 0) {
                t.setSide(line.id(), side);
            }
        }
    }

    /** Exits first, so that a move from one zone to another reads as leaving, then entering. */
    private void zones(
            Track t, Point now, Detection d, long seq, long millis, List<TrackEvent> out) {
        for (Zone zone : zones) {
            Track.ZoneStay stay = t.stayIn(zone.id());
            if (stay != null && !(zone.watches(t.label) && zone.contains(now))) {
                out.add(exit(t, zone, stay));
                t.stays.remove(stay);
            }
        }
        for (Zone zone : zones) {
            if (zone.watches(t.label) && t.stayIn(zone.id()) == null && zone.contains(now)) {
                out.add(event(t, TrackEvent.Type.ZONE_ENTER, zone.id(), null, seq, millis, d));
                t.stays.add(new Track.ZoneStay(zone.id(), millis));
            }
        }
    }

    /** The exits of track {@code t} that ends: one per zone its anchor was last in. */
    void ended(Track t, List<TrackEvent> out) {
        for (Zone zone : zones) {
            Track.ZoneStay stay = t.stayIn(zone.id());
            if (stay != null) {
                out.add(exit(t, zone, stay));
            }
        }
        t.stays.clear();
    }

    /** A zone exit: at the last frame the track was seen in the zone, which is its last frame. */
    private TrackEvent exit(Track t, Zone zone, Track.ZoneStay stay) {
        long dwell = Math.max(0, t.lastMillis - stay.enteredMillis());
        return new TrackEvent(
                TrackEvent.Type.ZONE_EXIT,
                streamId,
                t.id,
                t.label,
                t.lastSeq,
                t.lastMillis,
                zone.id(),
                null,
                dwell,
                t.x1,
                t.y1,
                t.x2,
                t.y2);
    }

    private TrackEvent event(
            Track t,
            TrackEvent.Type type,
            String area,
            TrackEvent.Direction dir,
            long seq,
            long millis,
            Detection d) {
        return new TrackEvent(
                type, streamId, t.id, t.label, seq, millis, area, dir, 0, d.x1(), d.y1(), d.x2(),
                d.y2());
    }
}
