package io.frameflow.sinks.file;

import io.frameflow.sinks.json.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.api.common.serialization.Encoder;

/** Encodes each record as one line of JSON, ending in {@code \n}. */
final class JsonLinesEncoder<T> implements Encoder<T> {
    private static final long serialVersionUID = 1L;

    private final JsonWriter<T> writer;

    JsonLinesEncoder(JsonWriter<T> writer) {
        this.writer = writer;
    }

    @Override
    public void encode(T record, OutputStream out) throws IOException {
        writer.write(record, out);
        out.write('\n');
    }
}
