package io.frameflow.sinks.kafka;

/** Record timestamps of analytics records, whose times may be media time. */
final class RecordTimestamps {
    /**
     * 2001-09-09: no live camera's clock is earlier, and no video file is long enough for its media
     * time (milliseconds from the start of the file) to reach it.
     */
    static final long EARLIEST_WALL_CLOCK_MILLIS = 1_000_000_000_000L;

    private RecordTimestamps() {}

    /**
     * {@code millis} when it is a wall-clock time, else null (the producer's clock): a record with
     * a media time as timestamp would be dated in 1970, and time-based retention would delete it at
     * once.
     */
    static Long wallClockOrNull(long millis) {
        return millis >= EARLIEST_WALL_CLOCK_MILLIS ? millis : null;
    }
}
