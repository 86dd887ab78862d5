package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, shortened to 120 frames: real model (fetched from npm, converted by
 * our code), real video (fetched from Debian), real Flink MiniCluster, real files.
 */
class DemoEndToEndITCase {
    @TempDir Path out;

    @Test
    void theDemoWritesOneResultPerFrameWithThePedestriansInIt() throws Exception {
        Cli.Result run = Cli.run("demo", "--max-frames", "120", "--output", out.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        List<Path> files;
        try (Stream<Path> listing = Files.list(out)) {
            files = listing.filter(f -> f.toString().endsWith(".jsonl")).toList();
        }
        assertThat(files).as("one committed results file").hasSize(1);
        assertThat(run.out()).contains("Results: " + files.get(0));
        assertThat(run.out()).contains("Analysed 120 frames from 1 stream");

        List<JsonNode> results = Cli.readJsonLines(out);
        assertThat(results).hasSize(120);
        assertThat(results.stream().map(r -> r.get("seq").asLong()))
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.range(0, 120).boxed().toList());
        JsonNode first = results.get(0);
        assertThat(first.get("stream").asText()).isEqualTo("vtest");
        assertThat(first.get("width").asInt()).isEqualTo(768);
        assertThat(first.get("height").asInt()).isEqualTo(576);
        assertThat(first.get("model").asText()).isEqualTo("nanodet-coco@3.0.4");

        long withPerson = results.stream().filter(r -> persons(r).size() > 0).count();
        assertThat(withPerson)
                .as("frames with a person (the clip is a busy campus)")
                .isGreaterThan(110);

        // The frame at 10 s: a reference conversion of this model finds 7 persons, 0.36-0.72.
        JsonNode tenSeconds =
                results.stream()
                        .filter(r -> r.get("pts_ms").asLong() == 10_000)
                        .findFirst()
                        .orElseThrow();
        List<JsonNode> persons = persons(tenSeconds);
        assertThat(persons).hasSize(7);
        assertThat(persons.stream().mapToDouble(p -> p.get("score").asDouble()).min().orElseThrow())
                .isBetween(0.35, 0.40);
        assertThat(persons.stream().mapToDouble(p -> p.get("score").asDouble()).max().orElseThrow())
                .isBetween(0.70, 0.75);
        for (JsonNode p : persons) {
            JsonNode box = p.get("box");
            assertThat(box.get(0).asDouble()).isBetween(0.0, box.get(2).asDouble());
            assertThat(box.get(1).asDouble()).isBetween(0.0, box.get(3).asDouble());
            assertThat(box.get(2).asDouble()).isLessThanOrEqualTo(768);
            assertThat(box.get(3).asDouble()).isLessThanOrEqualTo(576);
            // pedestrians are taller than wide
            assertThat(box.get(3).asDouble() - box.get(1).asDouble())
                    .isGreaterThan(box.get(2).asDouble() - box.get(0).asDouble());
        }
    }

    private static List<JsonNode> persons(JsonNode result) {
        return StreamSupport.stream(result.get("detections").spliterator(), false)
                .filter(d -> d.get("label").asText().equals("person"))
                .toList();
    }
}
