package io.frameflow.operators.stage;

import java.util.function.IntSupplier;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The figures a model stage reports: metrics on its own operator's metric group (so each stage of a
 * chain has its own), and, for the last stage of a chain, the job-wide accumulator {@link
 * ModelStageOperator#FRAMES_ANALYSED_ACCUMULATOR} that the command line polls to show progress.
 */
public final class StageMetrics {

    public static final String FRAMES_IN = "framesIn";
    public static final String FRAMES_OUT = "framesOut";
    public static final String FRAMES_REJECTED = "framesRejected";
    public static final String DEAD_LETTERS = "deadLetters";
    public static final String BATCH_SIZE = "batchSize";
    public static final String INFERENCE_TIME_MICROS = "inferenceTimeMicros";
    public static final String BUFFERED_FRAMES = "bufferedFrames";

    /** Samples the histograms keep: enough for stable percentiles, little memory. */
    private static final int HISTOGRAM_WINDOW = 500;

    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter framesRejected;
    private final Counter deadLetters;
    private final Histogram batchSize;
    private final Histogram inferenceTimeMicros;
    private final LongCounter framesAnalysed;

    private StageMetrics(MetricGroup group, LongCounter framesAnalysed) {
        this.framesIn = group.counter(FRAMES_IN);
        this.framesOut = group.counter(FRAMES_OUT);
        this.framesRejected = group.counter(FRAMES_REJECTED);
        this.deadLetters = group.counter(DEAD_LETTERS);
        this.batchSize =
                group.histogram(BATCH_SIZE, new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        this.inferenceTimeMicros =
                group.histogram(
                        INFERENCE_TIME_MICROS,
                        new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        this.framesAnalysed = framesAnalysed;
    }

    /**
     * Registers the metrics on {@code group}, and the accumulator on {@code context} when {@code
     * countsResults} (the chain's last stage, so that a frame is counted once however many stages
     * it passes).
     */
    static StageMetrics register(
            MetricGroup group,
            RuntimeContext context,
            IntSupplier bufferedFrames,
            boolean countsResults) {
        group.gauge(BUFFERED_FRAMES, (Gauge<Integer>) bufferedFrames::getAsInt);
        return new StageMetrics(
                group,
                countsResults
                        ? context.getLongCounter(ModelStageOperator.FRAMES_ANALYSED_ACCUMULATOR)
                        : null);
    }

    void frameIn() {
        framesIn.inc();
    }

    void deadLetter() {
        deadLetters.inc();
    }

    void frameRejected() {
        framesRejected.inc();
        deadLetters.inc();
    }

    void resultOut() {
        framesOut.inc();
        if (framesAnalysed != null) {
            framesAnalysed.add(1L);
        }
    }

    void batchRun(int size, long nanos) {
        batchSize.update(size);
        inferenceTimeMicros.update(nanos / 1_000L);
    }
}
