package io.frameflow.operators.analytics;

import java.time.Duration;

/** Durations as people write them in a pipeline file: {@code 0s}, {@code 10s}, {@code 250ms}. */
final class DurationText {
    private DurationText() {}

    static String of(Duration d) {
        if (d.toNanosPart() % 1_000_000 != 0) {
            return java.math.BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString()
                    + "ms";
        }
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Whether {@code d} is a whole number of milliseconds. */
    static boolean wholeMillis(Duration d) {
        return d.toNanosPart() % 1_000_000 == 0;
    }
}
