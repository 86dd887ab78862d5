package io.frameflow.jobs.assembly;

import io.frameflow.common.FrameResult;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Passes results through unchanged while counting them into {@link LabelStatsAccumulator}. */
final class ResultStatsFunction extends RichMapFunction<FrameResult, FrameResult> {
    private static final long serialVersionUID = 1L;

    private transient LabelStatsAccumulator accumulator;

    @Override
    public void open(OpenContext context) {
        accumulator = new LabelStatsAccumulator();
        getRuntimeContext().addAccumulator(LabelStatsAccumulator.NAME, accumulator);
    }

    @Override
    public FrameResult map(FrameResult result) {
        accumulator.add(result);
        return result;
    }
}
