package io.frameflow.jobs.assembly;

import io.frameflow.common.FrameResult;
import org.apache.flink.api.common.accumulators.Accumulator;

/** Flink accumulator over {@link LabelStats}; the CLI reads it for the run summary. */
public final class LabelStatsAccumulator implements Accumulator<FrameResult, LabelStats> {
    private static final long serialVersionUID = 1L;

    /** Name under which the job registers it. */
    public static final String NAME = "frameflow-label-stats";

    private LabelStats stats = new LabelStats();

    @Override
    public void add(FrameResult value) {
        stats.add(value);
    }

    @Override
    public LabelStats getLocalValue() {
        return stats;
    }

    @Override
    public void resetLocal() {
        stats = new LabelStats();
    }

    @Override
    public void merge(Accumulator<FrameResult, LabelStats> other) {
        stats.merge(other.getLocalValue());
    }

    @Override
    public LabelStatsAccumulator clone() {
        LabelStatsAccumulator c = new LabelStatsAccumulator();
        c.stats = stats.copy();
        return c;
    }
}
