package io.frameflow.operators.analytics;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Folds each {@link WindowInput} into its window's {@link WindowTally} as it arrives, so that a
 * window's state is its running figures and never the inputs themselves.
 */
final class WindowTallyAggregate
        implements AggregateFunction<WindowInput, WindowTally, WindowTally> {
    private static final long serialVersionUID = 1L;

    @Override
    public WindowTally createAccumulator() {
        return new WindowTally();
    }

    @Override
    public WindowTally add(WindowInput input, WindowTally tally) {
        return tally.add(input);
    }

    @Override
    public WindowTally getResult(WindowTally tally) {
        return tally;
    }

    @Override
    public WindowTally merge(WindowTally a, WindowTally b) {
        return a.merge(b);
    }
}
