package io.frameflow.operators.analytics;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.common.serde.DeadLetterTypeInfoFactory;
import io.frameflow.common.serde.WindowResultTypeInfoFactory;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Event-time analytics over tracked frame results: per stream, for each configured window, counts
 * per class ({@link WindowResult.Kind#COUNT}), occupancy of zones ({@link
 * WindowResult.Kind#OCCUPANCY}) and crossings of lines ({@link WindowResult.Kind#CROSSINGS}).
 *
 * <p>The graph: frame results and track events become small {@link WindowInput}s stamped with their
 * capture time (chained to their producers) → union → keyBy(stream) → one event-time window
 * operator per {@link WindowSpec}, each with {@link AnalyticsOptions#allowedLateness()}, an
 * incremental aggregate ({@link WindowTally}) and a window function that emits the rows with the
 * firing's revision. Inputs later than the allowed lateness leave each window operator on a side
 * output and become dead letters of stage {@value #STAGE}, counted in the accumulator {@value
 * #LATE_ACCUMULATOR}: nothing is dropped silently.
 *
 * <p>Event time needs watermarks on both inputs. Windows of a stream fire as its operator's
 * watermark (the smallest over its inputs that are not idle) passes their end; see {@code
 * FrameWatermarks} for how a silent stream stops holding it back.
 */
public final class AnalyticsWindows {

    /** The stage of the dead letters of late inputs. */
    public static final String STAGE = "window";

    /** Job accumulator (a {@code LongCounter}) of the inputs that came too late for a window. */
    public static final String LATE_ACCUMULATOR = "frameflow-analytics-late-inputs";

    /**
     * What the analytics give.
     *
     * @param results the window results of every window kind
     * @param deadLetters one per input (frame or event) and window kind that came too late
     */
    public record Windows(DataStream<WindowResult> results, DataStream<DeadLetter> deadLetters) {}

    private AnalyticsWindows() {}

    /**
     * Adds the analytics to the job.
     *
     * @param tracked frame results with track ids (untracked results count too, with no tracks),
     *     with event-time timestamps and watermarks
     * @param events the tracker's events, or null without a tracker
     * @param parallelism of the conversion and window operators
     */
    public static Windows apply(
            DataStream<FrameResult> tracked,
            DataStream<TrackEvent> events,
            AnalyticsOptions options,
            int parallelism) {
        Objects.requireNonNull(tracked, "tracked");
        Objects.requireNonNull(options, "options");
        TypeInformation<WindowInput> inputType = WindowInputSerializer.TYPE_INFO;
        DataStream<WindowInput> inputs =
                tracked.transform(
                                "analytics-frames",
                                inputType,
                                new ToWindowInputOperator<FrameResult>(
                                        WindowInputs::ofFrame, options))
                        .uid("frameflow-analytics-frames")
                        .setParallelism(parallelism);
        if (events != null) {
            inputs =
                    inputs.union(
                            events.transform(
                                            "analytics-events",
                                            inputType,
                                            new ToWindowInputOperator<TrackEvent>(
                                                    WindowInputs::ofEvent, options))
                                    .uid("frameflow-analytics-events")
                                    .setParallelism(parallelism));
        }
        KeyedStream<WindowInput, String> byStream =
                inputs.keyBy(WindowInput::streamId, Types.STRING);

        DataStream<WindowResult> results = null;
        DataStream<DeadLetter> deadLetters = null;
        for (WindowSpec spec : options.windows()) {
            OutputTag<WindowInput> late =
                    new OutputTag<>("frameflow-analytics-late-" + spec.id(), inputType);
            SingleOutputStreamOperator<WindowResult> windowed =
                    byStream.window(spec.assigner())
                            .allowedLateness(options.allowedLateness())
                            .sideOutputLateData(late)
                            .aggregate(
                                    new WindowTallyAggregate(),
                                    new WindowRowsFunction(options),
                                    WindowTallySerializer.TYPE_INFO,
                                    WindowTallySerializer.TYPE_INFO,
                                    WindowResultTypeInfoFactory.TYPE_INFO)
                            .name("analytics-" + spec.id())
                            .uid("frameflow-analytics-" + spec.id())
                            .setParallelism(parallelism);
            DataStream<DeadLetter> lateLetters =
                    windowed.getSideOutput(late)
                            .map(new LateInputFunction(spec, options))
                            .returns(DeadLetterTypeInfoFactory.TYPE_INFO)
                            .name("analytics-late-" + spec.id())
                            .uid("frameflow-analytics-late-" + spec.id())
                            .setParallelism(parallelism);
            results = results == null ? windowed : results.union(windowed);
            deadLetters = deadLetters == null ? lateLetters : deadLetters.union(lateLetters);
        }
        return new Windows(results, deadLetters);
    }
}
