package io.frameflow.sinks.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.Outline;
import io.frameflow.common.Restoration;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
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
            if (result.restoration() != null) {
                writeRestoration(g, result.restoration());
            }
            if (result.segmentation() != null) {
                writeSegmentation(g, result.segmentation());
            }
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
        if (d.tracked()) {
            g.writeNumberField("track_id", d.trackId());
        }
        g.writeNumberField("score", round(d.score(), 1e4));
        g.writeArrayFieldStart("box");
        g.writeNumber(round(d.x1(), 10));
        g.writeNumber(round(d.y1(), 10));
        g.writeNumber(round(d.x2(), 10));
        g.writeNumber(round(d.y2(), 10));
        g.writeEndArray();
        if (!d.children().isEmpty()) {
            g.writeArrayFieldStart("children");
            for (Detection child : d.children()) {
                writeDetection(g, child);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeRestoration(JsonGenerator g, Restoration r) throws IOException {
        g.writeObjectFieldStart("restoration");
        g.writeStringField("model", r.model());
        g.writeBooleanField("applied", r.applied());
        writeFinite(g, "psnr", r.psnr(), 100);
        writeFinite(g, "ssim", r.ssim(), 1e4);
        writeFinite(g, "estimate", r.estimate(), 1e4);
        g.writeEndObject();
    }

    /** JSON has no NaN or infinity: those are written as null (see docs/results.md). */
    private static void writeFinite(JsonGenerator g, String name, double value, double scale)
            throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, Math.round(value * scale) / scale);
        } else {
            g.writeNullField(name);
        }
    }

    private static void writeSegmentation(JsonGenerator g, SegmentationResult s)
            throws IOException {
        g.writeObjectFieldStart("segmentation");
        g.writeStringField("model", s.model());
        g.writeArrayFieldStart("classes");
        for (SegmentedArea area : s.classes()) {
            g.writeStartObject();
            g.writeStringField("label", area.label());
            g.writeNumberField("class_id", area.classId());
            g.writeNumberField("area", Math.round(area.areaFraction() * 1e6) / 1e6);
            RunLengthMask mask = area.mask();
            g.writeObjectFieldStart("mask");
            g.writeNumberField("width", mask.width());
            g.writeNumberField("height", mask.height());
            g.writeArrayFieldStart("counts");
            for (int i = 0; i < mask.runCount(); i++) {
                g.writeNumber(mask.run(i));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("polygons");
            for (Outline outline : area.polygons()) {
                g.writeStartArray();
                for (int i = 0; i < outline.size() * 2; i++) {
                    g.writeNumber(round(outline.coordinate(i), 10));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static double round(float value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
