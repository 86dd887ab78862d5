package io.frameflow.operators.analytics;

import io.frameflow.common.WindowResult;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Emits a fired window's results ({@link WindowRows}). Each firing of a window raises its revision,
 * kept in window state: the first firing (the watermark passed the window's end) is revision 0,
 * each firing on late data within the allowed lateness one more. The classes seen in the stream,
 * which decide the zero rows, are kept in the stream's keyed state across windows.
 */
final class WindowRowsFunction
        extends ProcessWindowFunction<WindowTally, WindowResult, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private static final ValueStateDescriptor<Integer> REVISION =
            new ValueStateDescriptor<>("revision", Types.INT);
    private static final MapStateDescriptor<String, Boolean> SEEN =
            new MapStateDescriptor<>("labels-seen", Types.STRING, Types.BOOLEAN);

    private final AnalyticsOptions options;

    WindowRowsFunction(AnalyticsOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void process(
            String streamId,
            Context context,
            Iterable<WindowTally> tallies,
            Collector<WindowResult> out)
            throws Exception {
        WindowTally tally = tallies.iterator().next();
        ValueState<Integer> revisionState = context.windowState().getState(REVISION);
        Integer previous = revisionState.value();
        int revision = previous == null ? 0 : previous + 1;
        revisionState.update(revision);

        MapState<String, Boolean> seenState = context.globalState().getMapState(SEEN);
        Set<String> seen = new TreeSet<>();
        for (String label : seenState.keys()) {
            seen.add(label);
        }
        for (String label : WindowRows.labelsIn(tally)) {
            if (seen.add(label)) {
                seenState.put(label, Boolean.TRUE);
            }
        }

        TimeWindow window = context.window();
        for (WindowResult result :
                WindowRows.of(
                        streamId,
                        window.getStart(),
                        window.getEnd(),
                        tally,
                        seen,
                        options,
                        revision)) {
            out.collect(result);
        }
    }

    @Override
    public void clear(Context context) throws Exception {
        context.windowState().getState(REVISION).clear();
    }
}
