package io.frameflow.jobs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code tracking} and {@code analytics} sections: what they accept and what they refuse. */
class AnalyticsSpecTest {

    static final String PIPELINE =
            """
            name: lobby
            sources:
              - uri: /videos/lobby.avi
            stages:
              - detect: { model: nanodet-coco }
            sinks:
              - jsonl: { path: out/ }
            tracking:
              max-lost: 2s
              labels: [person]
            analytics:
              windows:
                - tumbling: 10s
                - sliding: { size: 1m, slide: 10s }
              allowed-lateness: 1s
              zones:
                - id: door
                  polygon: [[100, 400], [300, 400], [300, 576], [100, 576]]
                  labels: [person]
              lines:
                - id: gate
                  from: [0, 300]
                  to: [768, 300]
            """;

    private static String fail(String yaml) {
        return assertThrows(
                        PipelineSpecException.class, () -> PipelineSpecParser.parse(yaml, "p.yaml"))
                .getMessage();
    }

    @Test
    void parsesTrackingWindowsZonesAndLines() {
        PipelineSpec spec = PipelineSpecParser.parse(PIPELINE, "p.yaml");
        assertTrue(spec.tracks());
        assertEquals(Duration.ofSeconds(2), spec.tracking().maxLost().duration());
        assertEquals(List.of("person"), spec.tracking().labels());
        assertNull(spec.tracking().minHits());
        AnalyticsSpec a = spec.analytics();
        assertEquals(Duration.ofSeconds(10), a.windows().get(0).tumbling().duration());
        assertEquals(Duration.ofMinutes(1), a.windows().get(1).sliding().size().duration());
        assertEquals(Duration.ofSeconds(10), a.windows().get(1).sliding().slide().duration());
        assertEquals(Duration.ofSeconds(1), a.allowedLateness().duration());
        assertEquals("door", a.zones().get(0).id());
        assertEquals(List.of(300.0, 576.0), a.zones().get(0).polygon().get(2));
        assertEquals(List.of(768.0, 300.0), a.lines().get(0).to());
    }

    @Test
    void analyticsAloneTurnsTrackingOnWithDefaults() {
        String yaml = PIPELINE.replace("tracking:\n  max-lost: 2s\n  labels: [person]\n", "");
        PipelineSpec spec = PipelineSpecParser.parse(yaml, "p.yaml");
        assertTrue(spec.tracks());
        assertNull(spec.tracking().maxLost());
    }

    @Test
    void aWindowSizeOfZeroIsRefused() {
        assertEquals(
                "p.yaml: line 13: analytics.windows[0].tumbling: a window size of 0s is empty; use"
                        + " a duration above 0, e.g. 10s",
                fail(PIPELINE.replace("tumbling: 10s", "tumbling: 0s")));
        assertEquals(
                "p.yaml: line 14: analytics.windows[1].sliding.slide: a slide of 0ms is empty; use"
                        + " a duration above 0, e.g. 10s",
                fail(PIPELINE.replace("slide: 10s", "slide: 0ms")));
        assertEquals(
                "p.yaml: line 14: analytics.windows[1].sliding.slide: 2m must not be longer than"
                        + " the window size (1m)",
                fail(PIPELINE.replace("slide: 10s", "slide: 2m")));
    }

    @Test
    void aZoneThatIsNotAPolygonIsRefused() {
        assertEquals(
                "p.yaml: line 18: analytics.zones[0].polygon: zone 'door': a polygon needs at"
                        + " least 3 corners, got 2 [[100.0, 400.0], [300.0, 400.0]]",
                fail(
                        PIPELINE.replace(
                                "[[100, 400], [300, 400], [300, 576], [100, 576]]",
                                "[[100, 400], [300, 400]]")));
        // a bow tie: its edges cross
        assertEquals(
                "p.yaml: line 18: analytics.zones[0].polygon: zone 'door': edges [300.0, 400.0]-"
                        + "[100.0, 576.0] and [300.0, 576.0]-[100.0, 400.0] cross: the corners do"
                        + " not outline a simple polygon",
                fail(
                        PIPELINE.replace(
                                "[[100, 400], [300, 400], [300, 576], [100, 576]]",
                                "[[100, 400], [300, 400], [100, 576], [300, 576]]")));
        assertEquals(
                "p.yaml: line 18: analytics.zones[0].polygon: zone 'door': the corners"
                        + " [[0.0, 0.0], [10.0, 10.0], [20.0, 20.0]] enclose no area (they lie on"
                        + " one line)",
                fail(
                        PIPELINE.replace(
                                "[[100, 400], [300, 400], [300, 576], [100, 576]]",
                                "[[0, 0], [10, 10], [20, 20]]")));
        assertEquals(
                "p.yaml: line 18: analytics.zones[0].polygon[1]: [300.0] is not a point; write"
                        + " [x, y] in pixels",
                fail(
                        PIPELINE.replace(
                                "[[100, 400], [300, 400], [300, 576], [100, 576]]",
                                "[[100, 400], [300], [300, 576]]")));
    }

    @Test
    void linesZonesAndTrackingSettingsAreChecked() {
        assertEquals(
                "p.yaml: line 21: analytics.lines[0]: line 'gate': its two ends are the same"
                        + " point [0.0, 300.0]",
                fail(PIPELINE.replace("to: [768, 300]", "to: [0, 300]")));
        assertEquals(
                "p.yaml: line 21: analytics.lines[0].id: 'door' names two zones or lines",
                fail(PIPELINE.replace("id: gate", "id: door")));
        assertEquals(
                "p.yaml: line 9: tracking.max-lost: 0s must be longer than 0",
                fail(PIPELINE.replace("max-lost: 2s", "max-lost: 0s")));
        assertEquals(
                "p.yaml: line 9: tracking.min-hits: 0 must be between 1 and 1000 frames",
                fail(PIPELINE.replace("max-lost: 2s", "min-hits: 0")));
        assertEquals(
                "p.yaml: line 11: analytics: needs a detect stage on whole frames: tracking follows its"
                        + " detections",
                fail(
                        PIPELINE.replace(
                                "- detect: { model: nanodet-coco }",
                                "- segment: { model: selfie-seg }")));
    }
}
