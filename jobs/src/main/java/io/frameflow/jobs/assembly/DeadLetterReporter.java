package io.frameflow.jobs.assembly;

import io.frameflow.common.DeadLetter;
import java.util.ArrayList;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes dead letters visible: each is logged, counted (accumulator {@value #COUNT}), and a fatal
 * one — a stream that stopped — is remembered (accumulator {@value #FAILED_STREAMS}) so that the
 * CLI names it and exits non-zero. Dead letters then continue to the dead-letter sinks.
 */
final class DeadLetterReporter extends RichMapFunction<DeadLetter, DeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReporter.class);

    /** Number of dead letters. */
    public static final String COUNT = "frameflow-dead-letters";

    /** One line per stream that stopped, from {@link DeadLetter#describe()}. */
    public static final String FAILED_STREAMS = "frameflow-failed-streams";

    private transient LongCounter count;
    private transient ListAccumulator<String> failed;

    @Override
    public void open(OpenContext context) {
        count = getRuntimeContext().getLongCounter(COUNT);
        failed = new ListAccumulator<>();
        getRuntimeContext().addAccumulator(FAILED_STREAMS, failed);
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

    /** The failed-stream lines from a job's accumulators (empty if none). */
    @SuppressWarnings("unchecked")
    static java.util.List<String> failedStreams(java.util.Map<String, Object> accumulators) {
        Object value = accumulators.get(FAILED_STREAMS);
        return value == null
                ? java.util.List.of()
                : new ArrayList<>((java.util.List<String>) value);
    }
}
