package io.frameflow.jobs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of a benchmark's repeated rounds: their median, and all of them for the report. */
final class Rounds {
    private Rounds() {}

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@code values} each formatted with {@code pattern} (e.g. {@code %.1f}), comma-separated. */
    static String format(List<Double> values, String pattern) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(String.format(Locale.ROOT, pattern, v));
        }
        return String.join(", ", parts);
    }
}
