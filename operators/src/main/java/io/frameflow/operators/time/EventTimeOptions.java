package io.frameflow.operators.time;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Event-time settings of a job: how far frames may arrive out of capture-time order before they
 * count as late, and after how long without a frame a stream stops holding back the watermark.
 *
 * @param outOfOrderness the watermark trails the latest capture time by this much; from 0 to {@link
 *     #LIMIT}; key {@value #OUT_OF_ORDERNESS_KEY}
 * @param idleness a stream without a frame for this long is idle: the watermark advances without it
 *     until its next frame; above 0 and at most {@link #LIMIT}; key {@value #IDLENESS_KEY}
 */
public record EventTimeOptions(Duration outOfOrderness, Duration idleness) implements Serializable {
    public static final String OUT_OF_ORDERNESS_KEY = "out-of-orderness";
    public static final String IDLENESS_KEY = "idleness";

    /** The longest accepted duration of either setting. */
    public static final Duration LIMIT = Duration.ofHours(1);

    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofMillis(500);
    public static final Duration DEFAULT_IDLENESS = Duration.ofSeconds(5);

    private static final long serialVersionUID = 1L;

    public EventTimeOptions {
        Objects.requireNonNull(outOfOrderness, OUT_OF_ORDERNESS_KEY);
        Objects.requireNonNull(idleness, IDLENESS_KEY);
        if (outOfOrderness.isNegative() || outOfOrderness.compareTo(LIMIT) > 0) {
            throw invalid(OUT_OF_ORDERNESS_KEY, outOfOrderness, "from 0ms to 1h");
        }
        if (idleness.isNegative() || idleness.isZero() || idleness.compareTo(LIMIT) > 0) {
            throw invalid(IDLENESS_KEY, idleness, "above 0ms and at most 1h");
        }
    }

    /** Out-of-orderness 500 ms, idleness 5 s. */
    public static EventTimeOptions defaults() {
        return new EventTimeOptions(DEFAULT_OUT_OF_ORDERNESS, DEFAULT_IDLENESS);
    }

    private static IllegalArgumentException invalid(String key, Duration value, String valid) {
        return new IllegalArgumentException(
                "watermark option '"
                        + key
                        + "' = "
                        + value.toMillis()
                        + "ms is out of range; use a duration "
                        + valid);
    }
}
