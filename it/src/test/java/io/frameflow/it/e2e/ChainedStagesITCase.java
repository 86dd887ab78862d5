package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline file with every kind of model stage, chained in one task over real frames of the
 * sample video: denoise, segment people, detect objects, find faces inside the persons found. Real
 * catalog models (fetched from npm and converted by our code), real Flink MiniCluster, real files.
 */
class ChainedStagesITCase {
    private static final int FRAMES = 3;

    @TempDir Path dir;

    @Test
    void restoreSegmentDetectAndFacesOnPersonsComeOutAsOneResultPerFrame() throws Exception {
        Path out = dir.resolve("out");
        Path pipeline = dir.resolve("chained.yaml");
        Files.writeString(
                pipeline,
                """
                name: chained
                sources:
                  - uri: sample:vtest.avi
                    max-frames: %d
                stages:
                  - restore: { model: waifu2x-noise1, tile: 192, overlap: 8 }
                  - segment: { model: selfie-seg, min-area: 100 }
                  - detect: { model: nanodet-coco }
                  - detect: { model: blazeface, on: [person], crop-padding: 0.2 }
                sinks:
                  - jsonl: { path: %s }
                """
                        .formatted(FRAMES, out));

        Cli.Result run = Cli.run("run", pipeline.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        List<JsonNode> results = Cli.readJsonLines(out);
        assertThat(results).hasSize(FRAMES);
        for (JsonNode r : results) {
            assertThat(r.get("model").asText())
                    .matches(
                            "waifu2x-noise1@[^>]+>selfie-seg@[^>]+>nanodet-coco@[^>]+>blazeface@[^>]+");

            JsonNode restoration = r.get("restoration");
            assertThat(restoration.get("applied").asBoolean()).isTrue();
            // a mild denoiser changes a clean frame only a little
            assertThat(restoration.get("psnr").asDouble()).isBetween(25.0, 60.0);
            assertThat(restoration.get("ssim").asDouble()).isBetween(0.5, 1.0);

            JsonNode person = r.get("segmentation").get("classes").get(0);
            assertThat(person.get("label").asText()).isEqualTo("person");
            JsonNode mask = person.get("mask");
            long cells = mask.get("width").asLong() * mask.get("height").asLong();
            long sum = 0;
            long set = 0;
            int i = 0;
            for (JsonNode count : mask.get("counts")) {
                sum += count.asLong();
                set += i++ % 2 == 1 ? count.asLong() : 0;
            }
            assertThat(sum).isEqualTo(cells);
            assertThat(person.get("area").asDouble())
                    .isBetween(0.0, 1.0)
                    .isCloseTo((double) set / cells, org.assertj.core.data.Offset.offset(1e-5));

            List<JsonNode> persons =
                    StreamSupport.stream(r.get("detections").spliterator(), false)
                            .filter(d -> d.get("label").asText().equals("person"))
                            .toList();
            assertThat(persons).as("pedestrians on the campus").hasSizeGreaterThan(2);
            for (JsonNode p : persons) {
                if (p.has("children")) {
                    for (JsonNode face : p.get("children")) {
                        assertThat(face.get("label").asText()).isEqualTo("face");
                        // in source-frame pixels, near the person's box (crops are padded)
                        JsonNode box = face.get("box");
                        JsonNode outer = p.get("box");
                        double padX = 0.2 * (outer.get(2).asDouble() - outer.get(0).asDouble());
                        assertThat(box.get(0).asDouble())
                                .isGreaterThanOrEqualTo(outer.get(0).asDouble() - padX - 1);
                        assertThat(box.get(2).asDouble())
                                .isLessThanOrEqualTo(outer.get(2).asDouble() + padX + 1);
                    }
                }
            }
        }
    }
}
