package io.frameflow.common;

import io.frameflow.common.serde.TrackEventTypeInfoFactory;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Something that happened to one tracked object of one stream: its track started or ended, it
 * entered or left a zone, it crossed a line. Events are derived from frame results in event time
 * (the capture time of the frame at which they happened), so a replay of the same frames gives the
 * same events.
 *
 * <p>Identity: ({@code streamId}, {@code trackId}, {@code type}, {@code area}, {@code seq}); a
 * consumer that sees the same identity twice (at-least-once delivery) sees the same event.
 *
 * @param type what happened
 * @param streamId the stream's id
 * @param trackId the track's id, positive, unique in the stream (see {@link Detection#trackId()})
 * @param label the track's class label, e.g. {@code person}
 * @param seq the number of the frame at which it happened: the frame at which a track was confirmed
 *     (the first result with its id), the first frame of a stay in a zone, the first frame on the
 *     other side of a line, the last frame in which an ended track or a left zone was seen
 * @param timeMillis the capture time of that frame (event time)
 * @param area the zone's id for {@link Type#ZONE_ENTER} and {@link Type#ZONE_EXIT}, the line's id
 *     for {@link Type#LINE_CROSSING}; null for track start and end
 * @param direction for {@link Type#LINE_CROSSING} the direction of the crossing, else null
 * @param durationMillis {@link Type#ZONE_EXIT}: the dwell time in the zone (capture time of the
 *     last frame in it minus that of the first); {@link Type#TRACK_END}: the track's lifetime
 *     measured the same way; 0 for the other types
 * @param x1 left edge of the object's box at that frame, pixels of the source frame
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 */
@TypeInfo(TrackEventTypeInfoFactory.class)
public record TrackEvent(
        Type type,
        String streamId,
        long trackId,
        String label,
        long seq,
        long timeMillis,
        String area,
        Direction direction,
        long durationMillis,
        float x1,
        float y1,
        float x2,
        float y2) {

    /** What happened to the track. */
    public enum Type {
        /** A new object was confirmed by the tracker. */
        TRACK_START,
        /** A track was lost for longer than the tracker keeps lost tracks, or the stream ended. */
        TRACK_END,
        /** The object's reference point moved into a zone. */
        ZONE_ENTER,
        /** The object's reference point left a zone, or its track ended inside it. */
        ZONE_EXIT,
        /** The object's reference point crossed a line. */
        LINE_CROSSING;

        /** The lower-case name used in JSON and topics, e.g. {@code "zone_enter"}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Direction of a line crossing. A line runs from its first point to its second; seen on screen
     * (y grows downwards), looking from the first point to the second, {@link #IN} is a crossing
     * from the left side to the right side and {@link #OUT} the other way.
     */
    public enum Direction {
        IN,
        OUT;

        /** The lower-case name used in JSON, {@code "in"} or {@code "out"}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public TrackEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(label, "label");
        if (trackId <= 0) {
            throw new IllegalArgumentException("trackId must be positive, got " + trackId);
        }
        boolean zoneOrLine =
                type == Type.ZONE_ENTER || type == Type.ZONE_EXIT || type == Type.LINE_CROSSING;
        if (zoneOrLine != (area != null)) {
            throw new IllegalArgumentException(
                    type.wireName() + " event must " + (zoneOrLine ? "" : "not ") + "name an area");
        }
        if ((type == Type.LINE_CROSSING) != (direction != null)) {
            throw new IllegalArgumentException(
                    "only a line_crossing event has a direction, got "
                            + direction
                            + " on "
                            + type.wireName());
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException(
                    "durationMillis must be >= 0, got " + durationMillis);
        }
    }
}
