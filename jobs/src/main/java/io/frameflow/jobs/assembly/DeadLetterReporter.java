package io.frameflow.jobs.assembly;

import io.frameflow.common.DeadLetter;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes dead letters visible: each is logged, counted (accumulator {@value
 * RunAccumulators#DEAD_LETTERS}), and a fatal one — a stream that stopped — is remembered
 * (accumulator {@value RunAccumulators#FAILED_STREAMS}) so that the CLI names it and exits
 * non-zero. Dead letters then continue to the dead-letter sinks.
 */
final class DeadLetterReporter extends RichMapFunction<DeadLetter, DeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReporter.class);

    private transient LongCounter count;
    private transient ListAccumulator<String> failed;

    @Override
    public void open(OpenContext context) {
        count = getRuntimeContext().getLongCounter(RunAccumulators.DEAD_LETTERS);
        failed = new ListAccumulator<>();
        getRuntimeContext().addAccumulator(RunAccumulators.FAILED_STREAMS, failed);
    }

    @Override
    public DeadLetter map(DeadLetter letter) {
        count.add(1L);
        if (letter.fatal()) {
            LOG.error("{}", letter.describe());
            failed.add(letter.describe());
        } else {
            LOG.warn("{}", letter.describe());
        }
        return letter;
    }
}
