package io.frameflow.sinks.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.DeadLetter;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameResultJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesTheDocumentedSchema() throws Exception {
        FrameResult result =
                new FrameResult(
                        "vtest",
                        100,
                        10_000_999,
                        10_000,
                        TimeSource.MEDIA,
                        768,
                        576,
                        false,
                        "nanodet-coco@3.0.4",
                        List.of(
                                new Detection("person", 0, 0.72341f, 10.04f, 20.96f, 60f, 180.25f),
                                new Detection("truck", 7, 0.36f, 0f, 0f, 767.99f, 575f)));

        JsonNode json = MAPPER.readTree(FrameResultJson.toBytes(result));

        assertEquals("vtest", json.get("stream").asText());
        assertEquals(100, json.get("seq").asLong());
        assertEquals(10_000, json.get("pts_ms").asLong(), "pts rounds down to whole ms");
        assertEquals(10_000, json.get("capture_ms").asLong());
        assertEquals("media", json.get("time_source").asText());
        assertEquals(768, json.get("width").asInt());
        assertEquals(576, json.get("height").asInt());
        assertFalse(json.get("damaged").asBoolean());
        assertEquals("nanodet-coco@3.0.4", json.get("model").asText());
        JsonNode first = json.get("detections").get(0);
        assertEquals("person", first.get("label").asText());
        assertEquals(0, first.get("class_id").asInt());
        assertEquals(0.7234, first.get("score").asDouble(), 0.0);
        assertEquals(
                List.of(10.0, 21.0, 60.0, 180.3),
                MAPPER.convertValue(first.get("box"), List.class).stream()
                        .map(v -> ((Number) v).doubleValue())
                        .toList());
        assertEquals("truck", json.get("detections").get(1).get("label").asText());
        assertEquals(2, json.get("detections").size());
    }

    @Test
    void aFrameWithoutDetectionsHasAnEmptyList() throws Exception {
        FrameResult empty =
                new FrameResult("a", 0, 0, 0, TimeSource.ARRIVAL, 2, 2, true, "m@1", List.of());
        JsonNode json = MAPPER.readTree(FrameResultJson.toBytes(empty));
        assertEquals(0, json.get("detections").size());
        assertEquals("arrival", json.get("time_source").asText());
        assertEquals(true, json.get("damaged").asBoolean());
    }

    @Test
    void oneRecordIsOneLineEvenWithNewlinesInStrings() {
        FrameResult odd =
                new FrameResult(
                        "line\nbreak", 1, 0, 0, TimeSource.MEDIA, 2, 2, false, "m@1", List.of());
        String text = new String(FrameResultJson.toBytes(odd), StandardCharsets.UTF_8);
        assertFalse(text.contains("\n"), text);
    }

    @Test
    void deadLettersCarryStreamStageReasonAndANullSeqForWholeStreams() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeadLetterJson.write(
                new DeadLetter("cam-1", DeadLetter.WHOLE_STREAM, "open", "no such file", true, 5),
                out);
        JsonNode json = MAPPER.readTree(out.toByteArray());
        assertEquals("cam-1", json.get("stream").asText());
        assertEquals(true, json.get("seq").isNull());
        assertEquals("open", json.get("stage").asText());
        assertEquals("no such file", json.get("reason").asText());
        assertEquals(true, json.get("fatal").asBoolean());
        assertEquals(5, json.get("time_ms").asLong());

        out.reset();
        DeadLetterJson.write(new DeadLetter("cam-1", 41, "decode", "bad", false, 6), out);
        assertEquals(41, MAPPER.readTree(out.toByteArray()).get("seq").asLong());
    }
}
