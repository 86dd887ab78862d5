package io.frameflow.sinks.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas in {@code docs/schema} against what the JSON writers really produce: every
 * document of a varied set of records validates, uses only fields the schema declares, and
 * documents broken in one place each are rejected (so the schemas do constrain).
 */
class JsonSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void schemasAreValidDraft202012WithTheirVersionInTheirId() throws IOException {
        Schema meta =
                REGISTRY.getSchema(
                        SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String name : List.of("frame-result", "window-result", "track-event")) {
            JsonNode schema = read(name);
            assertThat(meta.validate(schema)).as(name).isEmpty();
            assertThat(schema.get("$id").asText()).isEqualTo("urn:frameflow:schema:" + name + ":1");
        }
    }

    @Test
    void everyFrameResultValidates() throws IOException {
        Checker checker = new Checker("frame-result");
        for (var r : JsonSchemaSamples.frameResults()) {
            checker.accepts(FrameResultJson.toBytes(r));
        }
    }

    @Test
    void everyWindowResultValidates() throws IOException {
        Checker checker = new Checker("window-result");
        for (var r : JsonSchemaSamples.windowResults()) {
            checker.accepts(WindowResultJson.toBytes(r));
        }
    }

    @Test
    void everyTrackEventValidates() throws IOException {
        Checker checker = new Checker("track-event");
        for (var e : JsonSchemaSamples.trackEvents()) {
            checker.accepts(TrackEventJson.toBytes(e));
        }
    }

    @Test
    void brokenFrameResultsAreRejected() throws IOException {
        Checker checker = new Checker("frame-result");
        ObjectNode full =
                (ObjectNode)
                        MAPPER.readTree(FrameResultJson.toBytes(JsonSchemaSamples.everything()));
        checker.rejects(full, "without seq", d -> d.remove("seq"));
        checker.rejects(full, "negative seq", d -> d.put("seq", -1));
        checker.rejects(full, "seq as text", d -> d.put("seq", "7"));
        checker.rejects(full, "unknown time source", d -> d.put("time_source", "gps"));
        checker.rejects(full, "zero width", d -> d.put("width", 0));
        checker.rejects(full, "detections not a list", d -> d.put("detections", "none"));
        checker.rejects(full, "track id 0", d -> detection(d).put("track_id", 0));
        checker.rejects(full, "track id as text", d -> detection(d).put("track_id", "12"));
        checker.rejects(full, "score above 1", d -> detection(d).put("score", 1.5));
        checker.rejects(full, "box of 3", d -> ((ArrayNode) detection(d).get("box")).remove(3));
        checker.rejects(full, "box of 5", d -> ((ArrayNode) detection(d).get("box")).add(1.0));
        checker.rejects(full, "empty children", d -> detection(d).putArray("children"));
        checker.rejects(
                full,
                "child without label",
                d -> ((ObjectNode) detection(d).get("children").get(0)).remove("label"));
        checker.rejects(
                full,
                "restoration without psnr",
                d -> ((ObjectNode) d.get("restoration")).remove("psnr"));
        checker.rejects(
                full, "ssim below -1", d -> ((ObjectNode) d.get("restoration")).put("ssim", -2.0));
        checker.rejects(
                full,
                "polygon of two points",
                d -> {
                    ArrayNode polygons = (ArrayNode) d.at("/segmentation/classes/0/polygons");
                    polygons.set(0, MAPPER.createArrayNode().add(1).add(2).add(3).add(4));
                });
        checker.rejects(
                full,
                "mask without counts",
                d -> ((ObjectNode) d.at("/segmentation/classes/0/mask")).remove("counts"));
    }

    @Test
    void brokenWindowResultsAreRejected() throws IOException {
        Checker checker = new Checker("window-result");
        Map<String, ObjectNode> byKind = new java.util.HashMap<>();
        for (var r : JsonSchemaSamples.windowResults()) {
            byKind.putIfAbsent(
                    r.kind().wireName(), (ObjectNode) MAPPER.readTree(WindowResultJson.toBytes(r)));
        }
        ObjectNode count = byKind.get("count");
        ObjectNode occupancy = byKind.get("occupancy");
        ObjectNode crossings = byKind.get("crossings");
        checker.rejects(count, "unknown kind", d -> d.put("kind", "speed"));
        checker.rejects(count, "count naming a zone", d -> d.put("zone", "door"));
        checker.rejects(count, "count without tracks", d -> values(d).remove("tracks"));
        checker.rejects(count, "fractional detections", d -> values(d).put("detections", 2.5));
        checker.rejects(count, "value as text", d -> values(d).put("mean", "1.5"));
        checker.rejects(count, "negative revision", d -> d.put("revision", -1));
        checker.rejects(count, "without window end", d -> d.remove("window_end_ms"));
        checker.rejects(occupancy, "occupancy without zone", d -> d.remove("zone"));
        checker.rejects(occupancy, "occupancy naming a line", d -> d.put("line", "gate"));
        checker.rejects(occupancy, "occupancy without entries", d -> values(d).remove("entries"));
        checker.rejects(crossings, "crossings without line", d -> d.remove("line"));
        checker.rejects(crossings, "crossings without total", d -> values(d).remove("total"));
        checker.rejects(crossings, "negative crossings", d -> values(d).put("in", -1));
    }

    @Test
    void brokenTrackEventsAreRejected() throws IOException {
        Checker checker = new Checker("track-event");
        Map<String, ObjectNode> byType = new java.util.HashMap<>();
        for (var e : JsonSchemaSamples.trackEvents()) {
            byType.putIfAbsent(
                    e.type().wireName(), (ObjectNode) MAPPER.readTree(TrackEventJson.toBytes(e)));
        }
        ObjectNode start = byType.get("track_start");
        checker.rejects(start, "unknown type", d -> d.put("type", "track_lost"));
        checker.rejects(start, "track id 0", d -> d.put("track_id", 0));
        checker.rejects(start, "without time", d -> d.remove("time_ms"));
        checker.rejects(start, "track start in a zone", d -> d.put("zone", "door"));
        checker.rejects(start, "track start with a duration", d -> d.put("duration_ms", 5));
        checker.rejects(
                byType.get("track_end"),
                "track end without duration",
                d -> d.remove("duration_ms"));
        checker.rejects(byType.get("zone_enter"), "zone enter without zone", d -> d.remove("zone"));
        checker.rejects(
                byType.get("zone_exit"), "zone exit without dwell", d -> d.remove("duration_ms"));
        checker.rejects(byType.get("zone_exit"), "negative dwell", d -> d.put("duration_ms", -3));
        checker.rejects(
                byType.get("line_crossing"),
                "crossing without direction",
                d -> d.remove("direction"));
        checker.rejects(
                byType.get("line_crossing"),
                "crossing direction 'left'",
                d -> d.put("direction", "left"));
        checker.rejects(
                byType.get("line_crossing"), "crossing naming a zone", d -> d.put("zone", "door"));
    }

    private static ObjectNode detection(ObjectNode result) {
        return (ObjectNode) result.get("detections").get(0);
    }

    private static ObjectNode values(ObjectNode result) {
        return (ObjectNode) result.get("values");
    }

    /** One schema as published, and a strict copy that also refuses undeclared fields. */
    private static final class Checker {
        private final String name;
        private final Schema schema;
        private final Schema strict;

        Checker(String name) throws IOException {
            this.name = name;
            JsonNode text = read(name);
            this.schema = REGISTRY.getSchema(text);
            this.strict = REGISTRY.getSchema(closed(text.deepCopy()));
        }

        /**
         * {@code json} validates, and uses only declared fields: consumers may ignore unknown
         * fields, but a field the writer adds must be documented in the schema first.
         */
        void accepts(byte[] json) throws IOException {
            JsonNode doc = MAPPER.readTree(json);
            assertThat(messages(schema.validate(doc))).as(name + ": " + doc).isEmpty();
            assertThat(messages(strict.validate(doc)))
                    .as(name + " fields not declared in the schema: " + doc)
                    .isEmpty();
        }

        void rejects(ObjectNode valid, String what, Consumer<ObjectNode> breakIt) {
            assertThat(messages(schema.validate(valid))).as(name + " before: " + what).isEmpty();
            ObjectNode broken = valid.deepCopy();
            breakIt.accept(broken);
            assertThat(messages(schema.validate(broken)))
                    .as(name + " " + what + ": " + broken)
                    .isNotEmpty();
        }
    }

    /**
     * {@code schema} with {@code additionalProperties: false} on every object schema that lists its
     * properties and says nothing about others.
     */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode o) {
            if (o.path("type").asText().equals("object")
                    && o.has("properties")
                    && !o.has("additionalProperties")) {
                o.put("additionalProperties", false);
            }
            o.elements().forEachRemaining(JsonSchemaTest::closed);
        } else if (schema instanceof ArrayNode a) {
            a.elements().forEachRemaining(JsonSchemaTest::closed);
        }
        return schema;
    }

    private static List<String> messages(List<Error> errors) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.toString()));
        return out;
    }

    private static JsonNode read(String name) throws IOException {
        return MAPPER.readTree(Files.readAllBytes(schemaDir().resolve(name + ".v1.json")));
    }

    /** {@code docs/schema} of the repository, found upwards from the module directory. */
    private static Path schemaDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("schema");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/schema above " + Path.of("").toAbsolutePath());
    }
}
