package io.frameflow.operators.batch;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a model stage groups frames into batches: a batch is run when it holds {@code maxBatchSize}
 * frames or when {@code maxDelay} has passed since its first frame arrived, whichever comes first
 * (and always before a checkpoint barrier and at the end of input). A {@code maxDelay} of zero runs
 * every frame on its own as soon as it arrives.
 *
 * <p>{@code maxFailedBatches} is how many batches in a row the model may fail on every frame before
 * the stage decides that the model, not the input, is broken and fails the task.
 *
 * @param maxBatchSize the most frames in one call to the model, at least 1
 * @param maxDelay how long the first frame of a batch may wait for others, from zero to {@link
 *     #MAX_DELAY_LIMIT}
 * @param maxFailedBatches consecutive batches without a single accepted frame that fail the task,
 *     at least 1
 */
public record BatchOptions(int maxBatchSize, Duration maxDelay, int maxFailedBatches)
        implements Serializable {

    /** Configuration key of {@link #maxBatchSize()}, used in error messages. */
    public static final String MAX_BATCH_SIZE_KEY = "max-batch-size";

    /** Configuration key of {@link #maxDelay()}, used in error messages. */
    public static final String MAX_DELAY_KEY = "max-delay";

    /** Configuration key of {@link #maxFailedBatches()}, used in error messages. */
    public static final String MAX_FAILED_BATCHES_KEY = "max-failed-batches";

    public static final int DEFAULT_MAX_BATCH_SIZE = 8;
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(50);
    public static final int DEFAULT_MAX_FAILED_BATCHES = 3;

    /**
     * The longest accepted {@link #maxDelay()}. Frames wait in memory; a longer wait is almost
     * certainly a unit mistake (seconds for milliseconds) and would make results useless for live
     * video anyway.
     */
    public static final Duration MAX_DELAY_LIMIT = Duration.ofMinutes(1);

    private static final long serialVersionUID = 1L;

    public BatchOptions {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException(
                    "batch option '"
                            + MAX_BATCH_SIZE_KEY
                            + "' must be at least 1, got "
                            + maxBatchSize);
        }
        if (maxDelay == null || maxDelay.isNegative() || maxDelay.compareTo(MAX_DELAY_LIMIT) > 0) {
            throw new IllegalArgumentException(
                    "batch option '"
                            + MAX_DELAY_KEY
                            + "' must be between 0 ms and "
                            + MAX_DELAY_LIMIT.toMillis()
                            + " ms, got "
                            + describe(maxDelay));
        }
        if (maxFailedBatches < 1) {
            throw new IllegalArgumentException(
                    "batch option '"
                            + MAX_FAILED_BATCHES_KEY
                            + "' must be at least 1, got "
                            + maxFailedBatches);
        }
    }

    private static String describe(Duration delay) {
        if (delay == null) {
            return "nothing";
        }
        // toMillis() overflows for absurd durations; those are shown as ISO-8601 instead.
        boolean fitsMillis = Math.abs(delay.getSeconds()) < 1_000_000_000L;
        return fitsMillis ? delay.toMillis() + " ms" : delay.toString();
    }

    /** Options with the default number of failed batches that fail the task. */
    public BatchOptions(int maxBatchSize, Duration maxDelay) {
        this(maxBatchSize, maxDelay, DEFAULT_MAX_FAILED_BATCHES);
    }

    /** 8 frames, 50 ms, 3 failed batches. */
    public static BatchOptions defaults() {
        return new BatchOptions(
                DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_DELAY, DEFAULT_MAX_FAILED_BATCHES);
    }

    /**
     * {@link #maxDelay()} in whole milliseconds, the resolution of Flink's processing-time timers;
     * rounded up, so that a positive delay below one millisecond still batches.
     */
    public long maxDelayMillis() {
        long millis = maxDelay.toMillis();
        return millis == 0 && !maxDelay.isZero() ? 1 : millis;
    }
}
