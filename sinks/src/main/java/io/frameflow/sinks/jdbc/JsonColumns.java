package io.frameflow.sinks.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.frameflow.common.Restoration;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The text of the {@code jsonb} columns: a frame's restoration and segmentation summaries and a
 * window's figures. Numbers keep full precision; values that JSON cannot hold (NaN, infinities) are
 * written as null.
 */
final class JsonColumns {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonColumns() {}

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** {@code {"model":…,"applied":…,"psnr":…,"ssim":…,"estimate":…}}, or null without one. */
    static String restoration(Restoration r) {
        if (r == null) {
            return null;
        }
        return json(
                g -> {
                    g.writeStringField("model", r.model());
                    g.writeBooleanField("applied", r.applied());
                    number(g, "psnr", r.psnr());
                    number(g, "ssim", r.ssim());
                    number(g, "estimate", r.estimate());
                });
    }

    /**
     * {@code {"model":…,"classes":[{"label":…,"class_id":…,"area":…},…]}}, or null without one.
     * Masks and polygons are left out: they are large, and the Kafka and file results carry them.
     */
    static String segmentation(SegmentationResult s) {
        if (s == null) {
            return null;
        }
        return json(
                g -> {
                    g.writeStringField("model", s.model());
                    g.writeArrayFieldStart("classes");
                    for (SegmentedArea area : s.classes()) {
                        g.writeStartObject();
                        g.writeStringField("label", area.label());
                        g.writeNumberField("class_id", area.classId());
                        number(g, "area", area.areaFraction());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                });
    }

    /** A window's values as one object, by name. */
    static String figures(Map<String, Double> values) {
        return json(
                g -> {
                    for (Map.Entry<String, Double> e : values.entrySet()) {
                        number(g, e.getKey(), e.getValue());
                    }
                });
    }

    private static void number(JsonGenerator g, String name, Double value) throws IOException {
        if (value != null && Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }

    private static String json(Body body) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            // a StringWriter does not fail; an error here is a bug
            throw new UncheckedIOException("failed to write a jsonb column", e);
        }
        return out.toString();
    }
}
