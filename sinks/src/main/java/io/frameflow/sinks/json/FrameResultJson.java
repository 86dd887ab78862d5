package io.frameflow.sinks.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The JSON form of a {@link FrameResult}: one object per analysed frame, as written to JSON Lines
 * files and Kafka values. The schema is documented in {@code docs/results.md}; keep the two in
 * step. Written with a streaming generator (no reflection), scores rounded to 4 decimals and box
 * coordinates to 0.1 pixel.
 */
public final class FrameResultJson {
    static final JsonFactory FACTORY = new JsonFactory();

    private FrameResultJson() {}

    /** Writes {@code result} as one JSON object (no trailing newline) to {@code out}. */
    public static void write(FrameResult result, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("stream", result.streamId());
            g.writeNumberField("seq", result.seq());
            g.writeNumberField("pts_ms", result.ptsMillis());
            g.writeNumberField("capture_ms", result.captureTimeMillis());
            g.writeStringField("time_source", result.timeSource().wireName());
            g.writeNumberField("width", result.width());
            g.writeNumberField("height", result.height());
            g.writeBooleanField("damaged", result.damaged());
            g.writeStringField("model", result.model());
            g.writeArrayFieldStart("detections");
            for (Detection d : result.detections()) {
                writeDetection(g, d);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The JSON object as UTF-8 bytes. */
    public static byte[] toBytes(FrameResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            write(result, out);
        } catch (IOException e) {
            // an in-memory stream does not fail; a generator error here is a bug
            throw new UncheckedIOException(
                    "failed to serialize result of stream '"
                            + result.streamId()
                            + "' frame "
                            + result.seq(),
                    e);
        }
        return out.toByteArray();
    }

    private static void writeDetection(JsonGenerator g, Detection d) throws IOException {
        g.writeStartObject();
        g.writeStringField("label", d.label());
        g.writeNumberField("class_id", d.classId());
        g.writeNumberField("score", round(d.score(), 1e4));
        g.writeArrayFieldStart("box");
        g.writeNumber(round(d.x1(), 10));
        g.writeNumber(round(d.y1(), 10));
        g.writeNumber(round(d.x2(), 10));
        g.writeNumber(round(d.y2(), 10));
        g.writeEndArray();
        g.writeEndObject();
    }

    private static double round(float value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
