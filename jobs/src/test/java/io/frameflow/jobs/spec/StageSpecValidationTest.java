package io.frameflow.jobs.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stages section: kinds in any order, their keys, and the messages for mistakes. */
class StageSpecValidationTest {

    private static String pipeline(String stages) {
        return "name: p\nsources:\n  - uri: a.mp4\nstages:\n"
                + stages
                + "sinks:\n  - jsonl: { path: out/ }\n";
    }

    private static String fail(String stages) {
        return assertThatThrownBy(() -> PipelineSpecParser.parse(pipeline(stages), "p.yaml"))
                .isInstanceOf(PipelineSpecException.class)
                .actual()
                .getMessage();
    }

    @Test
    void parsesTheChainedExampleOfThePipelineDocs() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "pipeline.md"));
        int heading = doc.indexOf("### Example: chained stages");
        int start = doc.indexOf("```yaml\n", heading) + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));

        PipelineSpec spec = PipelineSpecParser.parse(yaml, "pipeline.md");

        assertThat(spec.stageModels())
                .containsExactly("waifu2x-noise1", "selfie-seg", "nanodet-coco", "blazeface");
        RestoreStageSpec restore = spec.stages().get(0).restore();
        assertThat(restore.tile()).isEqualTo(256);
        assertThat(restore.overlap()).isEqualTo(16);
        assertThat(restore.gate()).isEqualTo(0.02);
        SegmentStageSpec segment = spec.stages().get(1).segment();
        assertThat(segment.minArea()).isEqualTo(400.0);
        assertThat(segment.polygonTolerance()).isEqualTo(1.5);
        DetectStageSpec faces = spec.stages().get(3).detect();
        assertThat(faces.on()).containsExactly("person");
        assertThat(faces.cropPadding()).isEqualTo(0.15);
        assertThat(spec.detectStage().model()).isEqualTo("nanodet-coco");
    }

    @Test
    void stagesMayComeInAnyOrder() {
        PipelineSpec spec =
                PipelineSpecParser.parse(
                        pipeline(
                                "  - detect: { model: nanodet-coco, backend: onnxruntime }\n"
                                        + "  - segment: { model: selfie-seg, precision: fp16 }\n"
                                        + "  - restore: { model: waifu2x-noise0 }\n"),
                        "p.yaml");
        assertThat(spec.stageModels())
                .containsExactly("nanodet-coco", "selfie-seg", "waifu2x-noise0");
    }

    @Test
    void anUnknownStageKeyIsNamedWithASuggestion() {
        assertThat(fail("  - restore: { model: waifu2x-noise1, tiles: 256 }\n"))
                .contains("stages[0].restore")
                .contains("unknown key 'tiles' (did you mean 'tile'?)");
        assertThat(fail("  - segment: { model: selfie-seg, min_area: 0.1 }\n"))
                .contains("unknown key 'min_area' (did you mean 'min-area'?)");
        assertThat(fail("  - detect: { model: nanodet-coco, crop-pading: 0.1 }\n"))
                .contains("(did you mean 'crop-padding'?)");
    }

    @Test
    void onNeedsAnEarlierDetectStage() {
        assertThat(fail("  - detect: { model: blazeface, on: [person] }\n"))
                .contains("stages[0].detect.on")
                .contains("no detect stage comes before it");
        assertThat(
                        fail(
                                "  - restore: { model: waifu2x-noise1 }\n"
                                        + "  - detect: { model: blazeface, on: [person] }\n"
                                        + "  - detect: { model: nanodet-coco }\n"))
                .contains("stages[1].detect.on");
    }

    @Test
    void duplicateStageKindsAreRefusedWhereTheResultHasOneField() {
        assertThat(
                        fail(
                                "  - restore: { model: waifu2x-noise1 }\n"
                                        + "  - restore: { model: realesr-animevideov3-x2 }\n"))
                .contains("stages[1].restore: is a second restore stage")
                .contains("'restoration'");
        assertThat(
                        fail(
                                "  - detect: { model: nanodet-coco }\n"
                                        + "  - detect: { model: blazeface }\n"))
                .contains("stages[1].detect: is a second detect stage on whole frames")
                .contains("add on: [label]");
        // several stages on crops are fine
        PipelineSpec spec =
                PipelineSpecParser.parse(
                        pipeline(
                                "  - detect: { model: nanodet-coco }\n"
                                        + "  - detect: { model: blazeface, on: [person] }\n"
                                        + "  - detect: { model: ppocr-det, on: [car, truck] }\n"),
                        "p.yaml");
        assertThat(spec.stages()).hasSize(3);
    }

    @Test
    void anEntryIsOneStage() {
        assertThat(
                        fail(
                                "  - restore: { model: waifu2x-noise1 }\n    detect: { model: nanodet-coco }\n"))
                .contains("stages[0]: sets restore and detect; each stage is its own list entry");
        assertThat(fail("  - {}\n"))
                .contains("stages[0]: is empty; a stage is one of: restore, segment, detect");
    }

    @Test
    void valuesAreCheckedWithTheirKey() {
        List<String[]> cases =
                List.of(
                        new String[] {
                            "  - restore: { model: m, tile: 8 }\n",
                            "stages[0].restore.tile: 8 must be between 16 and 4096"
                        },
                        new String[] {
                            "  - restore: { model: m, tile: 64, overlap: 32 }\n",
                            "stages[0].restore.overlap: 32 must be >= 0 and less than half the tile"
                        },
                        new String[] {
                            "  - restore: { model: m, gate: 0 }\n",
                            "stages[0].restore.gate: 0.0 must be above 0 and at most 1"
                        },
                        new String[] {
                            "  - segment: { model: m, min-area: -2 }\n",
                            "stages[0].segment.min-area: -2.0 must be >= 0 (pixels of the frame)"
                        },
                        new String[] {
                            "  - segment: { model: m, polygons: false, polygon-tolerance: 1 }\n",
                            "polygon-tolerance: applies to outlines, but polygons is false"
                        },
                        new String[] {
                            "  - detect: { model: m, backend: cuda }\n",
                            "stages[0].detect.backend: 'cuda' must be one of: auto, tensorrt, onnxruntime"
                        },
                        new String[] {
                            "  - segment: { model: m, precision: int8 }\n",
                            "stages[0].segment.precision: 'int8' must be one of: fp32, fp16"
                        },
                        new String[] {
                            "  - detect: { model: m, crop-padding: 0.2 }\n",
                            "stages[0].detect.crop-padding: applies to a stage on crops"
                        },
                        new String[] {
                            "  - detect: { model: n }\n  - detect: { model: m, on: [] }\n",
                            "stages[1].detect.on: is empty"
                        },
                        new String[] {
                            "  - restore: { tile: 64 }\n", "stages[0].restore.model: is required"
                        });
        for (String[] c : cases) {
            assertThat(fail(c[0])).as(c[0]).contains(c[1]);
        }
    }
}
