package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.jobs.samples.SampleVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams that break while the job runs: the broken stream is stopped and named, the other streams
 * finish, and every frame that was read ends as a result or a dead letter — none is lost silently.
 */
class StreamFailureITCase {
    @TempDir Path dir;

    private Cli.Result run(String sources) {
        Path file =
                Cli.pipeline(
                        dir,
                        """
                        name: failures
                        sources:
                        %s
                        stages:
                          - detect: { model: nanodet-coco, threshold: 0.35 }
                        sinks:
                          - jsonl: { path: %s }
                        """
                                .formatted(sources, dir.resolve("out")));
        return Cli.run("run", file.toString());
    }

    @Test
    void aCameraThatCannotBeReachedWithoutRetriesStopsAloneAndIsNamed() {
        Cli.Result run =
                run(
                        """
                          - { uri: "sample:vtest.avi", max-frames: 20 }
                          - { id: gate, uri: "rtsp://127.0.0.1:1/gate", reconnect: { max-attempts: 1 } }
                        """);

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        List<String> errors =
                run.err().lines().filter(l -> l.startsWith("frameflow: error: ")).toList();
        assertThat(errors).as(run.toString()).hasSize(1);
        assertThat(errors.get(0))
                .startsWith("frameflow: error: stream 'gate' (open): ")
                .contains("rtsp://127.0.0.1:1/gate");

        List<JsonNode> results = Cli.readJsonLines(dir.resolve("out"));
        assertThat(results.stream().map(r -> r.get("seq").asLong()))
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 20).boxed().toList());
        List<JsonNode> deadLetters = Cli.readJsonLines(dir.resolve("out/dead-letters"));
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).get("stream").asText()).isEqualTo("gate");
        assertThat(deadLetters.get(0).get("fatal").asBoolean()).isTrue();
        assertThat(deadLetters.get(0).get("seq").isNull()).isTrue();
        assertThat(run.out()).contains("1 dead letters");
    }

    @Test
    void aClipWithPaintedInArtefactsIsAValidStream() {
        // OpenCV ships Megamind_bugy.avi as a "buggy" clip, but its bitstream is valid: the
        // defects are painted into the pictures, so nothing can flag them and nothing must fail.
        Cli.Result run = run("  - uri: sample:Megamind_bugy.avi");

        assertThat(run.exit()).as(run.toString()).isZero();
        List<JsonNode> results = Cli.readJsonLines(dir.resolve("out"));
        assertThat(results).hasSizeGreaterThanOrEqualTo(269);
        assertThat(results.stream().filter(r -> r.get("damaged").asBoolean())).isEmpty();
        assertThat(results.get(0).get("width").asInt()).isEqualTo(720);
        assertThat(run.out()).contains("0 damaged, 0 dead letters");
    }

    @Test
    void aClipDamagedMidStreamAccountsForEveryFrame() throws Exception {
        Path vtest =
                SampleVideos.resolve(
                        "sample:vtest.avi",
                        FrameflowCache.fromEnvironment(),
                        ProgressListener.NONE);
        byte[] bytes = Files.readAllBytes(vtest);
        Random random = new Random(11);
        // vtest.avi has about 10 KB per frame: this hits frames 40 to 80 of the first 120
        for (int offset = 400_000; offset < 800_000; offset += 40_000) {
            byte[] junk = new byte[1500];
            random.nextBytes(junk);
            System.arraycopy(junk, 0, bytes, offset, junk.length);
        }
        Path damaged = Files.write(dir.resolve("damaged.avi"), bytes);

        Cli.Result run = run("  - { uri: \"" + damaged + "\", max-frames: 120 }");

        assertThat(run.exit()).as(run.toString()).isZero();
        List<JsonNode> results = Cli.readJsonLines(dir.resolve("out"));
        List<JsonNode> deadLetters = Cli.readJsonLines(dir.resolve("out/dead-letters"));
        long damagedFrames = results.stream().filter(r -> r.get("damaged").asBoolean()).count();
        assertThat(damagedFrames + deadLetters.size())
                .as("the damage is flagged or reported, %s", run)
                .isGreaterThan(0);
        assertThat(deadLetters).allSatisfy(d -> assertThat(d.get("fatal").asBoolean()).isFalse());
        // a rejected packet yields no frame, so frame numbers stay contiguous: 120 results
        assertThat(results.stream().map(r -> r.get("seq").asLong()))
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 120).boxed().toList());
        assertThat(run.out())
                .contains(damagedFrames + " damaged, " + deadLetters.size() + " dead letters");
    }
}
