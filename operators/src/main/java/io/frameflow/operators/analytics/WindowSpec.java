package io.frameflow.operators.analytics;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * One kind of event-time window over capture time: tumbling (back to back, {@code slide == size})
 * or sliding (a window of {@code size} starting every {@code slide}, so that each frame falls into
 * {@code size / slide} of them). Windows are aligned to the epoch: a 10 s window starts at a
 * multiple of 10 s of capture time.
 *
 * @param size the length of a window; above 0, at most {@link #MAX_SIZE}, whole milliseconds; key
 *     {@value #SIZE_KEY}
 * @param slide how far apart windows start; above 0, at most {@code size}, whole milliseconds, and
 *     {@code size / slide} at most {@value #MAX_WINDOWS_PER_RECORD}; key {@value #SLIDE_KEY}, which
 *     defaults to the size (tumbling)
 */
public record WindowSpec(Duration size, Duration slide) implements Serializable {
    public static final String SIZE_KEY = "size";
    public static final String SLIDE_KEY = "slide";

    /** The longest window. */
    public static final Duration MAX_SIZE = Duration.ofDays(1);

    /** The most windows one frame may fall into; each costs state and a firing. */
    public static final int MAX_WINDOWS_PER_RECORD = 1000;

    private static final long serialVersionUID = 1L;

    public WindowSpec {
        check(SIZE_KEY, size);
        check(SLIDE_KEY, slide);
        if (size.compareTo(MAX_SIZE) > 0) {
            throw new IllegalArgumentException(
                    "window '" + SIZE_KEY + "' must be at most 24h, got " + DurationText.of(size));
        }
        if (slide.compareTo(size) > 0) {
            throw new IllegalArgumentException(
                    "window '"
                            + SLIDE_KEY
                            + "' must be at most its '"
                            + SIZE_KEY
                            + "' ("
                            + DurationText.of(size)
                            + "), got "
                            + DurationText.of(slide)
                            + ": windows would leave gaps");
        }
        long perRecord = (size.toMillis() + slide.toMillis() - 1) / slide.toMillis();
        if (perRecord > MAX_WINDOWS_PER_RECORD) {
            throw new IllegalArgumentException(
                    "window '"
                            + SLIDE_KEY
                            + "' "
                            + DurationText.of(slide)
                            + " is too small for a "
                            + DurationText.of(size)
                            + " window: each frame would fall into "
                            + perRecord
                            + " windows, at most "
                            + MAX_WINDOWS_PER_RECORD
                            + " are allowed");
        }
    }

    /** Back-to-back windows of {@code size}. */
    public static WindowSpec tumbling(Duration size) {
        return new WindowSpec(size, size);
    }

    /** Windows of {@code size} starting every {@code slide}. */
    public static WindowSpec sliding(Duration size, Duration slide) {
        return new WindowSpec(size, slide);
    }

    public boolean isTumbling() {
        return size.equals(slide);
    }

    /** The Flink window assigner on event time. */
    public WindowAssigner<Object, TimeWindow> assigner() {
        return isTumbling()
                ? TumblingEventTimeWindows.of(size)
                : SlidingEventTimeWindows.of(size, slide);
    }

    /** The windows that an item at {@code timestamp} falls into, earliest first. */
    public List<TimeWindow> windowsOf(long timestamp) {
        long sizeMillis = size.toMillis();
        long slideMillis = slide.toMillis();
        long last = TimeWindow.getWindowStartWithOffset(timestamp, 0, slideMillis);
        List<TimeWindow> windows = new ArrayList<>();
        for (long start = last; start > timestamp - sizeMillis; start -= slideMillis) {
            windows.add(0, new TimeWindow(start, start + sizeMillis));
        }
        return windows;
    }

    /** For people: {@code tumbling 10s} or {@code sliding 10s every 5s}. */
    public String describe() {
        return isTumbling()
                ? "tumbling " + DurationText.of(size)
                : "sliding " + DurationText.of(size) + " every " + DurationText.of(slide);
    }

    /** For operator names and uids: {@code tumbling-10000ms} or {@code sliding-10000ms-5000ms}. */
    public String id() {
        return isTumbling()
                ? "tumbling-" + size.toMillis() + "ms"
                : "sliding-" + size.toMillis() + "ms-" + slide.toMillis() + "ms";
    }

    private static void check(String key, Duration d) {
        if (d == null) {
            throw new IllegalArgumentException("window '" + key + "' is missing");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(
                    "window '" + key + "' must be above 0, got " + DurationText.of(d));
        }
        if (!DurationText.wholeMillis(d)) {
            throw new IllegalArgumentException(
                    "window '" + key + "' must be whole milliseconds, got " + DurationText.of(d));
        }
    }
}
