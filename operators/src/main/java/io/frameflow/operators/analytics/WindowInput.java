package io.frameflow.operators.analytics;

import io.frameflow.common.WindowResult;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one frame result or one track event adds to the analytics windows of its stream: a handful
 * of counts instead of the whole result, so that only these cross the network to the window
 * operators and window state never holds frame results. Built by {@link WindowInputs}.
 *
 * @param source what the counts come from
 * @param streamId the stream
 * @param seq the frame's number (for an event, the number of the frame it happened at)
 * @param timeMillis the capture time of that frame: the item's event time
 * @param tallies per (kind, area, label): for a frame, the objects of a class in the frame ({@link
 *     WindowResult.Kind#COUNT}) and in each zone ({@link WindowResult.Kind#OCCUPANCY}), only those
 *     with at least one object; for an event, one tally of count 1 naming its zone or line and its
 *     track
 */
public record WindowInput(
        Source source, String streamId, long seq, long timeMillis, List<Tally> tallies) {

    /** Where the counts of an input come from. */
    public enum Source {
        /** A frame result. */
        FRAME,
        /** A {@code ZONE_ENTER} track event. */
        ZONE_ENTER,
        /** A {@code LINE_CROSSING} track event in direction {@code IN}. */
        CROSSING_IN,
        /** A {@code LINE_CROSSING} track event in direction {@code OUT}. */
        CROSSING_OUT
    }

    public WindowInput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(streamId, "streamId");
        tallies = List.copyOf(tallies);
    }

    /** For people, e.g. {@code frame 12} or {@code zone_enter event of track 7 in 'door'}. */
    public String describe() {
        if (source == Source.FRAME) {
            return "frame " + seq;
        }
        Tally t = tallies.get(0);
        String what =
                switch (source) {
                    case ZONE_ENTER -> "zone_enter";
                    case CROSSING_IN -> "line_crossing (in)";
                    default -> "line_crossing (out)";
                };
        return what
                + " event of track "
                + (t.tracks().length > 0 ? t.tracks()[0] : "?")
                + " at frame "
                + seq
                + " in '"
                + t.area()
                + "'";
    }

    /**
     * Objects of one class counted in one frame (or one event).
     *
     * @param kind {@link WindowResult.Kind#COUNT} for the whole frame, {@link
     *     WindowResult.Kind#OCCUPANCY} for a zone, {@link WindowResult.Kind#CROSSINGS} for a line
     * @param area the zone's or line's id; empty for {@link WindowResult.Kind#COUNT}
     * @param label the class
     * @param count how many objects
     * @param tracks the distinct track ids among them (untracked objects have none)
     */
    public record Tally(
            WindowResult.Kind kind, String area, String label, int count, long[] tracks) {
        public Tally {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(tracks, "tracks");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tally t
                    && kind == t.kind
                    && area.equals(t.area)
                    && label.equals(t.label)
                    && count == t.count
                    && Arrays.equals(tracks, t.tracks);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, area, label, count, Arrays.hashCode(tracks));
        }

        @Override
        public String toString() {
            return kind.wireName()
                    + "("
                    + area
                    + ", "
                    + label
                    + ", "
                    + count
                    + ", tracks "
                    + Arrays.toString(tracks)
                    + ")";
        }
    }
}
