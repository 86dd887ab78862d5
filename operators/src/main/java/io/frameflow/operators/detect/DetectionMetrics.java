package io.frameflow.operators.detect;

import java.util.function.IntSupplier;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The figures a detection stage reports: metrics on its operator's metric group, and the job-wide
 * accumulator {@link DetectionOperator#FRAMES_ANALYSED_ACCUMULATOR} that the command line polls to
 * show progress.
 */
final class DetectionMetrics {

    static final String FRAMES_IN = "framesIn";
    static final String FRAMES_OUT = "framesOut";
    static final String FRAMES_REJECTED = "framesRejected";
    static final String DEAD_LETTERS = "deadLetters";
    static final String BATCH_SIZE = "batchSize";
    static final String INFERENCE_TIME_MICROS = "inferenceTimeMicros";
    static final String BUFFERED_FRAMES = "bufferedFrames";

    /** Samples the histograms keep: enough for stable percentiles, little memory. */
    private static final int HISTOGRAM_WINDOW = 500;

    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter framesRejected;
    private final Counter deadLetters;
    private final Histogram batchSize;
    private final Histogram inferenceTimeMicros;
    private final LongCounter framesAnalysed;

    private DetectionMetrics(MetricGroup group, LongCounter framesAnalysed) {
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
     * Registers the metrics on {@code group} and the accumulator on {@code context}. When several
     * detection stages share a task, they share the accumulator, which then counts every result of
     * every stage.
     */
    static DetectionMetrics register(
            MetricGroup group, RuntimeContext context, IntSupplier bufferedFrames) {
        group.gauge(BUFFERED_FRAMES, (Gauge<Integer>) bufferedFrames::getAsInt);
        return new DetectionMetrics(
                group, context.getLongCounter(DetectionOperator.FRAMES_ANALYSED_ACCUMULATOR));
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
        framesAnalysed.add(1L);
    }

    void batchRun(int size, long nanos) {
        batchSize.update(size);
        inferenceTimeMicros.update(nanos / 1_000L);
    }
}
