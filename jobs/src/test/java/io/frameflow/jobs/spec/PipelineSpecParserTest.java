package io.frameflow.jobs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineSpecParserTest {

    /** The form the issue fixes as a contract. */
    static final String CONTRACT =
            """
            name: pedestrians
            sources:
              - uri: /path/to/video.avi        # a file path, rtsp://... or http(s)://...
                max-frames: 200                # optional: stop this stream after N frames
            stages:
              - detect: { model: nanodet-coco, threshold: 0.35 }
            sinks:
              - jsonl: { path: out/ }
              - kafka: { bootstrap: "127.0.0.1:9092", topic: frameflow.results }
            """;

    private static String fail(String yaml) {
        return assertThrows(
                        PipelineSpecException.class, () -> PipelineSpecParser.parse(yaml, "p.yaml"))
                .getMessage();
    }

    @Test
    void parsesTheContractForm() {
        PipelineSpec spec = PipelineSpecParser.parse(CONTRACT, "p.yaml");
        assertEquals("pedestrians", spec.name());
        assertEquals("/path/to/video.avi", spec.sources().get(0).uri());
        assertEquals(200L, spec.sources().get(0).maxFrames());
        assertNull(spec.sources().get(0).id());
        assertEquals("nanodet-coco", spec.detectStage().model());
        assertEquals(0.35, spec.detectStage().threshold());
        assertEquals("out/", spec.sinks().get(0).jsonl().path());
        assertEquals("127.0.0.1:9092", spec.sinks().get(1).kafka().bootstrap());
        assertEquals("frameflow.results", spec.sinks().get(1).kafka().topic());
        assertNull(spec.sinks().get(1).kafka().delivery());
        assertNull(spec.execution().parallelism());
    }

    @Test
    void parsesOptionalSettings() {
        PipelineSpec spec =
                PipelineSpecParser.parse(
                        """
                        name: x
                        sources: [ { id: lobby, uri: rtsp://cam/live } ]
                        stages:
                          - detect: { model: m, batch-size: 4, max-delay: 20ms, threads: 2 }
                        sinks:
                          - kafka: { bootstrap: "h:1", topic: t, delivery: exactly-once, dead-letter-topic: t.dl }
                          - jsonl: { path: o, roll-interval: 5m }
                        execution: { parallelism: 2, checkpoint-interval: 30s }
                        """,
                        "p.yaml");
        assertEquals("lobby", spec.sources().get(0).id());
        assertEquals(Duration.ofMillis(20), spec.detectStage().maxDelay().duration());
        assertEquals(4, spec.detectStage().batchSize());
        assertEquals(KafkaSinkSpec.Delivery.EXACTLY_ONCE, spec.sinks().get(0).kafka().delivery());
        assertEquals("t.dl", spec.sinks().get(0).kafka().deadLetterTopic());
        assertEquals(Duration.ofMinutes(5), spec.sinks().get(1).jsonl().rollInterval().duration());
        assertEquals(2, spec.execution().parallelism());
        assertEquals(Duration.ofSeconds(30), spec.execution().checkpointInterval().duration());
    }

    @Test
    void unknownTopLevelKeyIsNamedWithItsLineAndASuggestion() {
        assertEquals(
                "p.yaml: line 5: unknown key 'stges' (did you mean 'stages'?)",
                fail(CONTRACT.replace("stages:", "stges:")));
    }

    @Test
    void mistypedNestedKeyIsNamedWithItsPath() {
        assertEquals(
                "p.yaml: line 6: stages[0].detect: unknown key 'treshold' (did you mean"
                        + " 'threshold'?)",
                fail(CONTRACT.replace("threshold: 0.35", "treshold: 0.35")));
    }

    @Test
    void unknownStageKindListsTheValidOnes() {
        assertEquals(
                "p.yaml: line 6: stages[0]: unknown key 'segmentation'; valid keys: detect, restore, segment",
                fail(CONTRACT.replace("- detect:", "- segmentation:")));
    }

    @Test
    void mistypedValuesNameTheKeyTheValueAndTheType() {
        assertEquals(
                "p.yaml: line 4: sources[0].max-frames: 'lots' is not a whole number",
                fail(CONTRACT.replace("max-frames: 200", "max-frames: lots")));
        assertEquals(
                "p.yaml: line 4: sources[0].max-frames: '2.5' is not a whole number",
                fail(CONTRACT.replace("max-frames: 200", "max-frames: 2.5")));
        assertEquals(
                "p.yaml: line 9: sinks[1].kafka.delivery: 'twice' is not one of at-least-once,"
                        + " exactly-once",
                fail(CONTRACT.replace("topic: frameflow.results", "topic: t, delivery: twice")));
        assertEquals(
                "p.yaml: line 6: stages[0].detect.max-delay: 'soon' is not a duration; write a"
                        + " number and a unit: 50ms, 10s, 5m, 1h",
                fail(CONTRACT.replace("threshold: 0.35", "max-delay: soon")));
    }

    @Test
    void rangesAndRequiredKeysAreChecked() {
        assertEquals(
                "p.yaml: line 6: stages[0].detect.threshold: 1.5 must be above 0 and at most 1",
                fail(CONTRACT.replace("0.35", "1.5")));
        assertEquals(
                "p.yaml: line 6: stages[0].detect.threshold: 0.0 must be above 0 and at most 1",
                fail(CONTRACT.replace("0.35", "0")));
        assertEquals(
                "p.yaml: line 3: sources[0].uri: is required",
                fail(CONTRACT.replace("- uri: /path/to/video.avi", "- id: cam")));
        assertEquals(
                "p.yaml: line 4: sources[0].max-frames: 0 must be >= 1",
                fail(CONTRACT.replace("max-frames: 200", "max-frames: 0")));
        assertEquals(
                "p.yaml: line 6: stages[0].detect.model: is required",
                fail(CONTRACT.replace("model: nanodet-coco, ", "")));
        assertEquals(
                "p.yaml: sinks: needs at least one sink (- jsonl: { path: out/ })",
                fail(CONTRACT.substring(0, CONTRACT.indexOf("sinks:"))));
    }

    @Test
    void deadLettersNeedATopicOfTheirOwn() {
        assertEquals(
                "p.yaml: line 8: sinks[0].kafka.dead-letter-topic: 'r' is the results topic; dead"
                        + " letters need a topic of their own",
                fail(
                        CONTRACT.replace(
                                "- jsonl: { path: out/ }",
                                "- kafka: { bootstrap: 'h:1', topic: r, dead-letter-topic: r }")));
    }

    @Test
    void oneKindPerSinkEntryAndUniqueIds() {
        assertEquals(
                "p.yaml: line 8: sinks[0]: must be exactly one of: jsonl, kafka, postgres, mqtt, video;"
                        + " it sets [jsonl, kafka]",
                fail(
                        CONTRACT.replace(
                                "- jsonl: { path: out/ }",
                                "- jsonl: { path: out/ }\n    kafka: { bootstrap: 'h:1', topic: t }")));
        assertEquals(
                "p.yaml: line 4: sources[1].id: 'a' is used twice",
                fail(
                        CONTRACT.replace(
                                "- uri: /path/to/video.avi",
                                "- { id: a, uri: x.avi }\n  - id: a\n    uri: /path/to/video.avi")));
    }

    @Test
    void brokenYamlAndEmptyFilesSaySo() {
        assertEquals(
                "p.yaml: line 4: invalid YAML at column 2: expected <block end>, but found"
                        + " '<block sequence start>' (while parsing a block mapping)",
                fail("name: x\nsources:\n  - uri: a\n - uri: b\n"));
        assertEquals("p.yaml: the pipeline file is empty", fail("  \n"));
        assertEquals(
                "p.yaml: line 2: sources: expected a list",
                fail("name: x\nsources: just-a-string\n"));
    }

    @Test
    void streamIdsAreDerivedFromFileNamesAndUrisAndMadeUnique() {
        assertEquals(
                List.of("vtest", "cam1", "live", "vtest-2", "entrance", "cam.example.org"),
                StreamIds.assign(
                        List.of(
                                new SourceSpec(null, "sample:vtest.avi", null),
                                new SourceSpec(null, "/videos/Cam1.mp4", null),
                                new SourceSpec(null, "rtsp://user:pw@10.0.0.2:8554/live", null),
                                new SourceSpec(null, "/other/vtest.avi", null),
                                new SourceSpec("entrance", "http://x/y.mp4", null),
                                new SourceSpec(null, "rtsp://cam.example.org", null))));
    }
}
