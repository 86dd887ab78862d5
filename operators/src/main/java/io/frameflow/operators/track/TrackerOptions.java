package io.frameflow.operators.track;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the per-stream tracker ({@link StreamTracker}): a ByteTrack-style association in two
 * stages, first of confident detections, then of weak ones that only keep existing tracks alive.
 *
 * @param highThreshold detections scoring at least this start tracks and are matched in the first
 *     stage; in (0, 1]; key {@value #HIGH_THRESHOLD_KEY}
 * @param lowThreshold detections scoring below this are ignored; those from here up to {@code
 *     highThreshold} are only matched in the second stage, to confirmed tracks left over by the
 *     first; from 0 up to {@code highThreshold}; key {@value #LOW_THRESHOLD_KEY}
 * @param matchIou the smallest overlap (intersection over union) of a track's predicted box and a
 *     detection that counts as a match; in (0, 1]; key {@value #MATCH_IOU_KEY}
 * @param minHits the number of consecutive frames a new object must be detected in before its track
 *     is confirmed and gets an id; 1 to {@value #MAX_MIN_HITS}; key {@value #MIN_HITS_KEY}
 * @param maxLost how long (capture time) a confirmed track may go unmatched before it ends; at
 *     least 1 ms and at most {@link #MAX_LOST_LIMIT}; key {@value #MAX_LOST_KEY}
 * @param labels the classes tracked, e.g. {@code [person, car]}; empty for all classes; key {@value
 *     #LABELS_KEY}
 */
public record TrackerOptions(
        double highThreshold,
        double lowThreshold,
        double matchIou,
        int minHits,
        Duration maxLost,
        Set<String> labels)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String HIGH_THRESHOLD_KEY = "high-threshold";
    public static final String LOW_THRESHOLD_KEY = "low-threshold";
    public static final String MATCH_IOU_KEY = "match-iou";
    public static final String MIN_HITS_KEY = "min-hits";
    public static final String MAX_LOST_KEY = "max-lost";
    public static final String LABELS_KEY = "labels";

    public static final double DEFAULT_HIGH_THRESHOLD = 0.5;
    public static final double DEFAULT_LOW_THRESHOLD = 0.1;
    public static final double DEFAULT_MATCH_IOU = 0.3;
    public static final int DEFAULT_MIN_HITS = 2;
    public static final Duration DEFAULT_MAX_LOST = Duration.ofSeconds(1);

    /** The largest {@link #minHits()}. */
    public static final int MAX_MIN_HITS = 1000;

    /** The longest {@link #maxLost()}. */
    public static final Duration MAX_LOST_LIMIT = Duration.ofHours(1);

    public TrackerOptions {
        Objects.requireNonNull(maxLost, MAX_LOST_KEY);
        Objects.requireNonNull(labels, LABELS_KEY);
        if (!(highThreshold > 0 && highThreshold <= 1)) {
            throw invalid(HIGH_THRESHOLD_KEY, highThreshold, "a score above 0 and at most 1");
        }
        if (!(lowThreshold >= 0 && lowThreshold <= highThreshold)) {
            throw invalid(
                    LOW_THRESHOLD_KEY,
                    lowThreshold,
                    "a score from 0 up to " + HIGH_THRESHOLD_KEY + " (" + highThreshold + ")");
        }
        if (!(matchIou > 0 && matchIou <= 1)) {
            throw invalid(MATCH_IOU_KEY, matchIou, "an overlap above 0 and at most 1");
        }
        if (minHits < 1 || minHits > MAX_MIN_HITS) {
            throw invalid(MIN_HITS_KEY, minHits, "a number of frames from 1 to " + MAX_MIN_HITS);
        }
        if (maxLost.toMillis() < 1 || maxLost.compareTo(MAX_LOST_LIMIT) > 0) {
            throw invalid(
                    MAX_LOST_KEY, millis(maxLost), "a duration of at least 1ms and at most 1h");
        }
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                throw invalid(LABELS_KEY, labels, "class names that are not blank");
            }
        }
        labels = Set.copyOf(labels);
    }

    /**
     * High threshold 0.5, low threshold 0.1, match IoU 0.3, 2 hits to confirm, 1 s before a lost
     * track ends, all classes.
     */
    public static TrackerOptions defaults() {
        return new TrackerOptions(
                DEFAULT_HIGH_THRESHOLD,
                DEFAULT_LOW_THRESHOLD,
                DEFAULT_MATCH_IOU,
                DEFAULT_MIN_HITS,
                DEFAULT_MAX_LOST,
                Set.of());
    }

    /** These options with {@link #minHits()} = {@code hits}. */
    public TrackerOptions withMinHits(int hits) {
        return new TrackerOptions(highThreshold, lowThreshold, matchIou, hits, maxLost, labels);
    }

    /** These options with {@link #maxLost()} = {@code lost}. */
    public TrackerOptions withMaxLost(Duration lost) {
        return new TrackerOptions(highThreshold, lowThreshold, matchIou, minHits, lost, labels);
    }

    /** These options with {@link #labels()} = {@code tracked}. */
    public TrackerOptions withLabels(Set<String> tracked) {
        return new TrackerOptions(highThreshold, lowThreshold, matchIou, minHits, maxLost, tracked);
    }

    /** Whether objects of class {@code label} are tracked. */
    public boolean tracks(String label) {
        return labels.isEmpty() || labels.contains(label);
    }

    /** {@link #maxLost()} in milliseconds. */
    public long maxLostMillis() {
        return maxLost.toMillis();
    }

    /** {@code d} in milliseconds with any fraction, e.g. {@code 0.5ms}, without overflow. */
    private static String millis(Duration d) {
        BigDecimal ms =
                BigDecimal.valueOf(d.getSeconds())
                        .multiply(BigDecimal.valueOf(1000))
                        .add(BigDecimal.valueOf(d.getNano(), 6));
        return ms.stripTrailingZeros().toPlainString() + "ms";
    }

    private static IllegalArgumentException invalid(String key, Object value, String valid) {
        return new IllegalArgumentException(
                "tracking option '" + key + "' = " + value + " is out of range; use " + valid);
    }
}
