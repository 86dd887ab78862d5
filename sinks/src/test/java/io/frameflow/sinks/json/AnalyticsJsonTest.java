package io.frameflow.sinks.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of track ids, track events and window results, field by field. */
class AnalyticsJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void trackedDetectionsCarryTheirTrackIdAndUntrackedOnesNone() throws Exception {
        FrameResult r =
                new FrameResult(
                        "cam",
                        3,
                        120_000,
                        120,
                        TimeSource.MEDIA,
                        320,
                        240,
                        false,
                        "nanodet-coco@3.0.4",
                        List.of(
                                new Detection("person", 0, 0.9f, 1, 2, 3, 4, List.of(), 12),
                                new Detection("car", 2, 0.3f, 5, 6, 7, 8)));
        JsonNode json = MAPPER.readTree(FrameResultJson.toBytes(r));
        assertThat(json.at("/detections/0/track_id").asLong()).isEqualTo(12);
        assertThat(json.at("/detections/1").has("track_id")).isFalse();
    }

    @Test
    void zoneExitNamesItsZoneAndDwellTime() throws Exception {
        JsonNode json =
                MAPPER.readTree(
                        TrackEventJson.toBytes(
                                new TrackEvent(
                                        TrackEvent.Type.ZONE_EXIT,
                                        "cam-2",
                                        17,
                                        "car",
                                        55,
                                        2200,
                                        "parking",
                                        null,
                                        1200,
                                        5.04f,
                                        6f,
                                        7f,
                                        8f)));
        assertThat(json.get("type").asText()).isEqualTo("zone_exit");
        assertThat(json.get("stream").asText()).isEqualTo("cam-2");
        assertThat(json.get("track_id").asLong()).isEqualTo(17);
        assertThat(json.get("label").asText()).isEqualTo("car");
        assertThat(json.get("seq").asLong()).isEqualTo(55);
        assertThat(json.get("time_ms").asLong()).isEqualTo(2200);
        assertThat(json.get("zone").asText()).isEqualTo("parking");
        assertThat(json.get("duration_ms").asLong()).isEqualTo(1200);
        assertThat(json.has("line")).isFalse();
        assertThat(json.has("direction")).isFalse();
        assertThat(json.get("box").toString()).isEqualTo("[5.0,6.0,7.0,8.0]");
    }

    @Test
    void lineCrossingNamesItsLineAndDirection() throws Exception {
        JsonNode json =
                MAPPER.readTree(
                        TrackEventJson.toBytes(
                                new TrackEvent(
                                        TrackEvent.Type.LINE_CROSSING,
                                        "cam",
                                        4,
                                        "person",
                                        9,
                                        360,
                                        "gate",
                                        TrackEvent.Direction.IN,
                                        0,
                                        1,
                                        2,
                                        3,
                                        4)));
        assertThat(json.get("type").asText()).isEqualTo("line_crossing");
        assertThat(json.get("line").asText()).isEqualTo("gate");
        assertThat(json.get("direction").asText()).isEqualTo("in");
        assertThat(json.has("duration_ms")).isFalse();
        assertThat(json.has("zone")).isFalse();
    }

    @Test
    void trackStartHasNoAreaAndNoDuration() throws Exception {
        JsonNode json =
                MAPPER.readTree(
                        TrackEventJson.toBytes(
                                new TrackEvent(
                                        TrackEvent.Type.TRACK_START,
                                        "cam",
                                        1,
                                        "person",
                                        0,
                                        0,
                                        null,
                                        null,
                                        0,
                                        1,
                                        2,
                                        3,
                                        4)));
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("type", "stream", "track_id", "label", "seq", "time_ms", "box");
    }

    @Test
    void windowValuesAreIntegersWhenWholeAndRoundedOtherwise() throws Exception {
        JsonNode json =
                MAPPER.readTree(
                        WindowResultJson.toBytes(
                                new WindowResult(
                                        WindowResult.Kind.OCCUPANCY,
                                        "cam",
                                        10_000,
                                        20_000,
                                        "door",
                                        "person",
                                        1,
                                        Map.of(
                                                "frames", 250.0,
                                                "mean", 1.0 / 3,
                                                "max", 2.0,
                                                "tracks", 3.0,
                                                "entries", 1.0))));
        assertThat(json.toString())
                .isEqualTo(
                        "{\"kind\":\"occupancy\",\"stream\":\"cam\",\"window_start_ms\":10000,"
                                + "\"window_end_ms\":20000,\"zone\":\"door\",\"label\":\"person\","
                                + "\"revision\":1,\"values\":{\"entries\":1,\"frames\":250,"
                                + "\"max\":2,\"mean\":0.3333,\"tracks\":3}}");
    }

    @Test
    void countWindowsNameNoAreaAndCrossingsNameTheirLine() throws Exception {
        JsonNode count =
                MAPPER.readTree(
                        WindowResultJson.toBytes(
                                new WindowResult(
                                        WindowResult.Kind.COUNT,
                                        "cam",
                                        0,
                                        10_000,
                                        "",
                                        "car",
                                        0,
                                        Map.of("frames", 10.0))));
        assertThat(count.has("zone")).isFalse();
        assertThat(count.has("line")).isFalse();
        JsonNode crossings =
                MAPPER.readTree(
                        WindowResultJson.toBytes(
                                new WindowResult(
                                        WindowResult.Kind.CROSSINGS,
                                        "cam",
                                        0,
                                        10_000,
                                        "gate",
                                        "car",
                                        0,
                                        Map.of("in", 2.0, "out", 1.0, "total", 3.0))));
        assertThat(crossings.get("line").asText()).isEqualTo("gate");
        assertThat(crossings.at("/values/total").asLong()).isEqualTo(3);
    }
}
