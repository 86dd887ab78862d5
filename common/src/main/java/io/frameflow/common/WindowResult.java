package io.frameflow.common;

import io.frameflow.common.serde.WindowResultTypeInfoFactory;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One event-time window's figures for one stream: counts of a class, occupancy of a zone, or
 * crossings of a line. Windows are on capture time; {@code windowStartMillis} is inclusive and
 * {@code windowEndMillis} exclusive.
 *
 * <p>Identity: ({@code streamId}, {@code kind}, {@code windowStartMillis}, {@code windowEndMillis},
 * {@code area}, {@code label}). A window fires when the watermark passes its end; data arriving
 * within the allowed lateness fires it again with {@code revision} + 1 and figures that include the
 * late data, so the record with the highest revision of an identity is the window's final answer.
 *
 * @param kind which figures these are
 * @param streamId the stream's id
 * @param windowStartMillis start of the window, capture time, inclusive
 * @param windowEndMillis end of the window, capture time, exclusive
 * @param area the zone's id ({@link Kind#OCCUPANCY}) or line's id ({@link Kind#CROSSINGS}); empty
 *     for {@link Kind#COUNT}
 * @param label the class label the figures are about, e.g. {@code person}
 * @param revision 0 for the window's first firing, one more for each firing on late data
 * @param values the figures by name, see {@link Kind}; names are lower-case with underscores
 */
@TypeInfo(WindowResultTypeInfoFactory.class)
public record WindowResult(
        Kind kind,
        String streamId,
        long windowStartMillis,
        long windowEndMillis,
        String area,
        String label,
        int revision,
        Map<String, Double> values) {

    /** Which figures a window result holds, and their names in {@link #values()}. */
    public enum Kind {
        /**
         * Objects of a class in the stream: {@code frames} (analysed frames in the window), {@code
         * detections} (detections of the class over those frames), {@code mean} and {@code max}
         * (detections per frame), {@code tracks} (distinct tracks of the class seen).
         */
        COUNT,
        /**
         * Objects of a class inside a zone: {@code frames}, {@code mean} and {@code max} (objects
         * in the zone per frame), {@code tracks} (distinct tracks seen in the zone), {@code
         * entries} (zone enter events in the window).
         */
        OCCUPANCY,
        /** Crossings of a line by objects of a class: {@code in}, {@code out}, {@code total}. */
        CROSSINGS;

        /** The lower-case name used in JSON and tables, e.g. {@code "occupancy"}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public WindowResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(label, "label");
        if (windowEndMillis <= windowStartMillis) {
            throw new IllegalArgumentException(
                    "window end "
                            + windowEndMillis
                            + " must be after its start "
                            + windowStartMillis);
        }
        if ((kind == Kind.COUNT) != area.isEmpty()) {
            throw new IllegalArgumentException(
                    kind.wireName()
                            + " results must "
                            + (kind == Kind.COUNT ? "not " : "")
                            + "name a zone or line, got '"
                            + area
                            + "'");
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be >= 0, got " + revision);
        }
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The value named {@code name}; fails when there is none. */
    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(
                    kind.wireName()
                            + " result has no value '"
                            + name
                            + "', only "
                            + values.keySet());
        }
        return v;
    }
}
