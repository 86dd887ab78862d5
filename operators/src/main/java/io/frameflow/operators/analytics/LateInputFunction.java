package io.frameflow.operators.analytics;

import io.frameflow.common.DeadLetter;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Turns an input that came after its windows had closed (later than the allowed lateness) into a
 * dead letter of stage {@value AnalyticsWindows#STAGE}, and counts it: metric {@value #LATE_METRIC}
 * of the operator and job accumulator {@value AnalyticsWindows#LATE_ACCUMULATOR}.
 */
final class LateInputFunction extends RichMapFunction<WindowInput, DeadLetter> {
    static final String LATE_METRIC = "lateInputs";
    private static final long serialVersionUID = 1L;

    private final WindowSpec spec;
    private final String lateness;
    private transient Counter counter;
    private transient LongCounter accumulator;

    LateInputFunction(WindowSpec spec, AnalyticsOptions options) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.lateness = DurationText.of(options.allowedLateness());
    }

    @Override
    public void open(OpenContext openContext) {
        counter = getRuntimeContext().getMetricGroup().counter(LATE_METRIC);
        accumulator = getRuntimeContext().getLongCounter(AnalyticsWindows.LATE_ACCUMULATOR);
    }

    @Override
    public DeadLetter map(WindowInput input) {
        counter.inc();
        accumulator.add(1L);
        return new DeadLetter(
                input.streamId(),
                input.seq(),
                AnalyticsWindows.STAGE,
                reason(input, spec, lateness),
                false,
                System.currentTimeMillis());
    }

    static String reason(WindowInput input, WindowSpec spec, String lateness) {
        List<TimeWindow> windows = spec.windowsOf(input.timeMillis());
        String missed =
                windows.size() == 1
                        ? "window " + text(windows.get(0))
                        : "windows "
                                + text(windows.get(0))
                                + " to "
                                + text(windows.get(windows.size() - 1));
        return "stream '"
                + input.streamId()
                + "' "
                + input.describe()
                + " with capture time "
                + input.timeMillis()
                + " ms came after its "
                + spec.describe()
                + " "
                + missed
                + " had closed (allowed lateness "
                + lateness
                + "); it is not in "
                + (windows.size() == 1 ? "that window's" : "those windows'")
                + " results";
    }

    private static String text(TimeWindow w) {
        return "[" + w.getStart() + ", " + w.getEnd() + ")";
    }
}
