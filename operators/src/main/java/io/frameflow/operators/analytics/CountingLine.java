package io.frameflow.operators.analytics;

import io.frameflow.common.TrackEvent;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * A named line segment in a stream's picture whose crossings are counted. An object crosses it when
 * its anchor ({@link Point#anchorOf}) moves, between two frames in which it was tracked, from one
 * side of the segment's line to the other and the path between the two anchors intersects the
 * segment itself. Looking from {@code from} to {@code to} on screen (y downwards), a move from the
 * left side to the right side is {@link TrackEvent.Direction#IN}, the other way {@link
 * TrackEvent.Direction#OUT}. An anchor exactly on the line keeps the side it had before.
 *
 * @param id the line's id in results (1-128 letters, digits, '.', '_', '-'), unique in the job
 * @param from the first end
 * @param to the second end, not equal to {@code from}
 * @param labels the classes counted; empty for all classes
 * @param streams the streams the line applies to; empty for all streams
 */
public record CountingLine(String id, Point from, Point to, Set<String> labels, Set<String> streams)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public CountingLine {
        AreaIds.check("line", id);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        labels = Set.copyOf(labels);
        streams = Set.copyOf(streams);
        if (from.equals(to)) {
            throw new IllegalArgumentException(
                    "line '" + id + "': its two ends are the same point " + from);
        }
    }

    /** A line for every class and stream. */
    public static CountingLine of(String id, Point from, Point to) {
        return new CountingLine(id, from, to, Set.of(), Set.of());
    }

    /** Whether the line applies to {@code streamId}. */
    public boolean appliesTo(String streamId) {
        return streams.isEmpty() || streams.contains(streamId);
    }

    /** Whether the line counts objects of class {@code label}. */
    public boolean watches(String label) {
        return labels.isEmpty() || labels.contains(label);
    }

    /**
     * The side of the line {@code p} is on: +1 right of from→to as seen on screen, -1 left, 0 on
     * the line.
     */
    public int side(Point p) {
        // with y downwards, a positive cross product means p is clockwise of from→to: its right
        return (int) Math.signum(Zone.cross(from, to, p));
    }

    /**
     * The direction in which the move from {@code before} to {@code after} crosses the segment, or
     * null when it does not. {@code sideBefore} is the side remembered for the object (the side it
     * was last seen off the line), used when {@code before} is on the line.
     */
    public TrackEvent.Direction crossing(Point before, int sideBefore, Point after) {
        int s1 = sideBefore;
        int s2 = side(after);
        if (s1 == 0 || s2 == 0 || s1 == s2) {
            return null;
        }
        // the path must meet the segment, not only its extension
        double e1 = Zone.cross(before, after, from);
        double e2 = Zone.cross(before, after, to);
        if (e1 != 0 && e2 != 0 && Math.signum(e1) == Math.signum(e2)) {
            return null;
        }
        return s1 < 0 ? TrackEvent.Direction.IN : TrackEvent.Direction.OUT;
    }
}
