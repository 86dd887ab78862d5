package io.frameflow.operators.analytics;

import java.time.Duration;

/**
 * Durations as people write them in a pipeline file: {@code 0s}, {@code 250ms}, {@code 10s}, {@code
 * 5m}, {@code 2h}.
 */
final class DurationText {
    private DurationText() {}

    static String of(Duration d) {
        if (d.toNanosPart() % 1_000_000 != 0) {
            return java.math.BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString()
                    + "ms";
        }
        long millis = d.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Whether {@code d} is a whole number of milliseconds. */
    static boolean wholeMillis(Duration d) {
        return d.toNanosPart() % 1_000_000 == 0;
    }
}
