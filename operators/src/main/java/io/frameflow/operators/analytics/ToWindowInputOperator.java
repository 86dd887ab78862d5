package io.frameflow.operators.analytics;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Turns frame results or track events into {@link WindowInput}s and stamps each with its own event
 * time (the capture time of its frame), whatever timestamp the record carried: windows then depend
 * only on the data, not on how an upstream operator timed its output (a tracker that emits an event
 * from a timer, say). Watermarks pass through unchanged. Inputs that feed no window are dropped
 * here by design (see {@link WindowInputs}).
 */
final class ToWindowInputOperator<IN> extends AbstractStreamOperator<WindowInput>
        implements OneInputStreamOperator<IN, WindowInput> {
    private static final long serialVersionUID = 1L;

    /** The conversion; null for an input that feeds no window. */
    @FunctionalInterface
    interface Converter<IN> extends Serializable {
        WindowInput convert(IN in, AnalyticsOptions options);
    }

    private final Converter<IN> converter;
    private final AnalyticsOptions options;
    private transient StreamRecord<WindowInput> out;

    ToWindowInputOperator(Converter<IN> converter, AnalyticsOptions options) {
        this.converter = Objects.requireNonNull(converter, "converter");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void open() throws Exception {
        super.open();
        out = new StreamRecord<>(null);
    }

    @Override
    public void processElement(StreamRecord<IN> element) {
        WindowInput input = converter.convert(element.getValue(), options);
        if (input != null) {
            output.collect(out.replace(input, input.timeMillis()));
        }
    }
}
