package io.frameflow.sinks.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.frameflow.common.WindowResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON form of a {@link WindowResult}, as written to files, Kafka and MQTT. Documented in
 * {@code docs/results.md} and {@code docs/schema/window-result.v1.json}; keep the three in step.
 * Whole values (counts) are written as integers, others rounded to 4 decimals.
 */
public final class WindowResultJson {
    private WindowResultJson() {}

    /** {@code result} as one JSON object in UTF-8. */
    public static byte[] toBytes(WindowResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try {
            write(result, out);
        } catch (IOException e) {
            // a ByteArrayOutputStream does not fail; only a bug in the generator would get here
            throw new UncheckedIOException(
                    "cannot write "
                            + result.kind().wireName()
                            + " window of stream '"
                            + result.streamId()
                            + "' as JSON",
                    e);
        }
        return out.toByteArray();
    }

    /** Writes {@code result} as one JSON object (no trailing newline) to {@code out}. */
    public static void write(WindowResult result, OutputStream out) throws IOException {
        try (JsonGenerator g = FrameResultJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("kind", result.kind().wireName());
            g.writeStringField("stream", result.streamId());
            g.writeNumberField("window_start_ms", result.windowStartMillis());
            g.writeNumberField("window_end_ms", result.windowEndMillis());
            switch (result.kind()) {
                case OCCUPANCY -> g.writeStringField("zone", result.area());
                case CROSSINGS -> g.writeStringField("line", result.area());
                case COUNT -> {}
            }
            g.writeStringField("label", result.label());
            g.writeNumberField("revision", result.revision());
            g.writeObjectFieldStart("values");
            for (Map.Entry<String, Double> e : result.values().entrySet()) {
                writeValue(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void writeValue(JsonGenerator g, String name, double value) throws IOException {
        if (!Double.isFinite(value)) {
            // JSON has no NaN or infinity; a figure without a value is null
            g.writeNullField(name);
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            g.writeNumberField(name, (long) value);
        } else {
            g.writeNumberField(name, Math.round(value * 1e4) / 1e4);
        }
    }
}
