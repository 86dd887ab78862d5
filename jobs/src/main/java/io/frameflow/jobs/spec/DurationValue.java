package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as written in pipeline files: a whole number and a unit, {@code 50ms}, {@code 10s},
 * {@code 5m}, {@code 1h}.
 */
public record DurationValue(Duration duration, String text) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    /** Parses {@code text}; the message of the exception says what is valid. */
    @JsonCreator
    public static DurationValue parse(String text) {
        Matcher m = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a duration; write a number and a unit: 50ms, 10s, 5m, 1h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d =
                switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
        return new DurationValue(d, text.strip());
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }
}
