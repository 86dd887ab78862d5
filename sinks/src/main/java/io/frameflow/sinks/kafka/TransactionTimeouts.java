package io.frameflow.sinks.kafka;

import java.time.Duration;

/** The rule for exactly-once transaction timeouts, and durations written as in pipeline files. */
final class TransactionTimeouts {
    private TransactionTimeouts() {}

    /**
     * Fails unless {@code timeout} is positive and, when {@code checkpointInterval} is known, above
     * {@code checkpointInterval + restartAllowance}.
     */
    static void check(Duration timeout, Duration checkpointInterval, Duration restartAllowance) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "kafka sink: transaction-timeout must be positive, got " + format(timeout));
        }
        if (checkpointInterval == null) {
            return;
        }
        Duration needed = checkpointInterval.plus(restartAllowance);
        if (timeout.compareTo(needed) <= 0) {
            throw new IllegalArgumentException(
                    "kafka sink: transaction-timeout "
                            + format(timeout)
                            + " must be above the checkpoint interval "
                            + format(checkpointInterval)
                            + " + a restart allowance of "
                            + format(restartAllowance)
                            + " = "
                            + format(needed)
                            + ": a transaction stays open until the next checkpoint completes,"
                            + " and after a failure until the restarted job commits it; the"
                            + " broker aborts it (and its records are lost) once the timeout"
                            + " passes. Raise transaction-timeout (at most the broker's"
                            + " transaction.max.timeout.ms, 15m by default) or lower the"
                            + " checkpoint interval");
        }
    }

    /** {@code d} as {@code 1h2m3s400ms}, leaving out zero parts; {@code 0ms} for zero. */
    static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        StringBuilder out = new StringBuilder();
        append(out, d.toHours(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        append(out, d.toMillisPart(), "ms");
        return out.length() == 0 ? "0ms" : out.toString();
    }

    private static void append(StringBuilder out, long value, String unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
    }
}
