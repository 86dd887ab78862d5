package io.frameflow.sinks.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.frameflow.common.DeadLetter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The JSON form of a {@link DeadLetter}, as written to the dead-letter output. Documented in {@code
 * docs/results.md}.
 */
public final class DeadLetterJson {
    private DeadLetterJson() {}

    /** {@code letter} as one JSON object in UTF-8, e.g. for a Kafka record. */
    public static byte[] toBytes(DeadLetter letter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            write(letter, out);
        } catch (IOException e) {
            // a ByteArrayOutputStream does not fail; only a bug in the generator would get here
            throw new UncheckedIOException("cannot write dead letter as JSON", e);
        }
        return out.toByteArray();
    }

    /** Writes {@code letter} as one JSON object (no trailing newline) to {@code out}. */
    public static void write(DeadLetter letter, OutputStream out) throws IOException {
        try (JsonGenerator g = FrameResultJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("stream", letter.streamId());
            if (letter.seq() == DeadLetter.WHOLE_STREAM) {
                g.writeNullField("seq");
            } else {
                g.writeNumberField("seq", letter.seq());
            }
            g.writeStringField("stage", letter.stage());
            g.writeStringField("reason", letter.reason());
            g.writeBooleanField("fatal", letter.fatal());
            g.writeNumberField("time_ms", letter.timeMillis());
            g.writeEndObject();
        }
    }
}
