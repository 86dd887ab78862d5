package io.frameflow.it.faults;

import java.io.IOException;
import java.io.Serializable;
import java.util.function.Function;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A real sink whose writer kills its task at planned records: writing a record whose point ({@code
 * prefix + ":" + key(record)}) is planned throws before the record reaches the wrapped writer. For
 * sinks whose whole work is in their writer (the PostgreSQL sink); a sink with a committer would
 * lose it in the wrapper.
 */
public final class FailingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** A serializable key function. */
    public interface Key<T> extends Function<T, String>, Serializable {}

    private final Sink<T> inner;
    private final String prefix;
    private final Key<T> key;

    public FailingSink(Sink<T> inner, String prefix, Key<T> key) {
        this.inner = inner;
        this.prefix = prefix;
        this.key = key;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        SinkWriter<T> writer = inner.createWriter(context);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context c) throws IOException, InterruptedException {
                String point = prefix + ":" + key.apply(element);
                if (FailurePlan.claim(point)) {
                    throw new InjectedTaskKill("injected failure in a sink at " + point);
                }
                writer.write(element, c);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException, InterruptedException {
                writer.flush(endOfInput);
            }

            @Override
            public void writeWatermark(org.apache.flink.api.common.eventtime.Watermark watermark)
                    throws IOException, InterruptedException {
                writer.writeWatermark(watermark);
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }
}
