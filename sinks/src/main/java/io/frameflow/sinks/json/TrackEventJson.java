package io.frameflow.sinks.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.frameflow.common.TrackEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The JSON form of a {@link TrackEvent}, as written to files, Kafka and MQTT. Documented in {@code
 * docs/results.md} and {@code docs/schema/track-event.v1.json}; keep the three in step.
 */
public final class TrackEventJson {
    private TrackEventJson() {}

    /** {@code event} as one JSON object in UTF-8. */
    public static byte[] toBytes(TrackEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try {
            write(event, out);
        } catch (IOException e) {
            // a ByteArrayOutputStream does not fail; only a bug in the generator would get here
            throw new UncheckedIOException(
                    "cannot write "
                            + event.type().wireName()
                            + " event of stream '"
                            + event.streamId()
                            + "' track "
                            + event.trackId()
                            + " as JSON",
                    e);
        }
        return out.toByteArray();
    }

    /** Writes {@code event} as one JSON object (no trailing newline) to {@code out}. */
    public static void write(TrackEvent event, OutputStream out) throws IOException {
        try (JsonGenerator g = FrameResultJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("type", event.type().wireName());
            g.writeStringField("stream", event.streamId());
            g.writeNumberField("track_id", event.trackId());
            g.writeStringField("label", event.label());
            g.writeNumberField("seq", event.seq());
            g.writeNumberField("time_ms", event.timeMillis());
            switch (event.type()) {
                case ZONE_ENTER -> g.writeStringField("zone", event.area());
                case ZONE_EXIT -> {
                    g.writeStringField("zone", event.area());
                    g.writeNumberField("duration_ms", event.durationMillis());
                }
                case LINE_CROSSING -> {
                    g.writeStringField("line", event.area());
                    g.writeStringField("direction", event.direction().wireName());
                }
                case TRACK_END -> g.writeNumberField("duration_ms", event.durationMillis());
                case TRACK_START -> {}
            }
            g.writeArrayFieldStart("box");
            g.writeNumber(FrameResultJson.round(event.x1(), 10));
            g.writeNumber(FrameResultJson.round(event.y1(), 10));
            g.writeNumber(FrameResultJson.round(event.x2(), 10));
            g.writeNumber(FrameResultJson.round(event.y2(), 10));
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
