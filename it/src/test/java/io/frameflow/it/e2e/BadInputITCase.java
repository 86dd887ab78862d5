package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.jobs.samples.SampleVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real command line: each case ends with exactly one line naming the problem
 * on stderr and a non-zero exit status, and starts no job.
 */
class BadInputITCase {
    @TempDir Path dir;

    private static final String PIPELINE =
            """
            name: bad-input
            sources:
              - uri: %s
            stages:
              - detect: { model: %s, threshold: 0.35 }
            sinks:
              - jsonl: { path: %s }
            """;

    private Cli.Result runPipeline(String uri, String model) {
        Path file = Cli.pipeline(dir, PIPELINE.formatted(uri, model, dir.resolve("out")));
        return Cli.run("run", file.toString());
    }

    /** The one error line of a failed command. */
    private static String errorLine(Cli.Result run) {
        List<String> errors =
                run.err().lines().filter(l -> l.startsWith("frameflow: error: ")).toList();
        assertThat(errors).as(run.toString()).hasSize(1);
        assertThat(run.out()).as("no report of a job that never ran").doesNotContain("Analysed");
        return errors.get(0).substring("frameflow: error: ".length());
    }

    @Test
    void aMissingFile() {
        Path missing = dir.resolve("videos/lobby.avi");
        Cli.Result run = runPipeline(missing.toString(), "nanodet-coco");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(errorLine(run))
                .isEqualTo("pipeline.yaml: sources[0].uri: file not found: " + missing);
    }

    @Test
    void aCorruptVideo() throws Exception {
        // a real clip whose header is destroyed: FFmpeg cannot even find its streams
        Path vtest =
                SampleVideos.resolve(
                        "sample:vtest.avi",
                        FrameflowCache.fromEnvironment(),
                        ProgressListener.NONE);
        byte[] bytes = Files.readAllBytes(vtest);
        byte[] junk = new byte[8192];
        new Random(3).nextBytes(junk);
        System.arraycopy(junk, 0, bytes, 0, junk.length);
        Path corrupt = Files.write(dir.resolve("corrupt.avi"), bytes);

        Cli.Result run = runPipeline(corrupt.toString(), "nanodet-coco");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(errorLine(run))
                .startsWith("pipeline.yaml: sources[0].uri: cannot open " + corrupt + ": ")
                .contains("Invalid data found when processing input");
    }

    @Test
    void anUnknownModel() {
        Cli.Result run = runPipeline("sample:vtest.avi", "nanodet-coc");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(errorLine(run))
                .isEqualTo(
                        "pipeline.yaml: stages[0].detect.model: unknown model 'nanodet-coc'; known"
                                + " models: "
                                + String.join(", ", ModelCatalog.builtIn().names()));
    }

    @Test
    void aMistypedKeyInThePipelineFile() {
        Path file =
                Cli.pipeline(
                        dir,
                        PIPELINE.formatted("sample:vtest.avi", "nanodet-coco", dir)
                                .replace("threshold:", "treshold:"));
        Cli.Result run = Cli.run("run", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(errorLine(run))
                .isEqualTo(
                        "pipeline.yaml: line 5: stages[0].detect: unknown key 'treshold' (did you"
                                + " mean 'threshold'?)");
    }

    @Test
    void aDownloadWhoseSha256DoesNotMatch() throws Exception {
        Path spec =
                Files.writeString(
                        dir.resolve("my-model.yaml"),
                        """
                        name: my-model
                        version: 7.0.0
                        task: restore
                        license: MIT
                        source:
                          npm: { package: is-number, version: 7.0.0, sha256: %s }
                          files: { model: package/index.js, weights: package/package.json }
                          convert: tfjs-graph
                        input: { name: x, layout: NCHW, width: 8, height: 8 }
                        decoder: { type: image, output: y }
                        """
                                .formatted("0".repeat(64)));
        Path cache = dir.resolve("cache");

        Cli.Result run =
                Cli.run(
                        "--cache",
                        cache.toString(),
                        "--catalog",
                        spec.toString(),
                        "models",
                        "fetch",
                        "my-model");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(errorLine(run))
                .startsWith(
                        "sha256 mismatch for npm package is-number@7.0.0: expected "
                                + "0".repeat(64)
                                + ", got ")
                .endsWith("; the download was discarded");
        try (Stream<Path> left = Files.walk(cache)) {
            assertThat(
                            left.filter(Files::isRegularFile)
                                    .filter(f -> !f.toString().endsWith(".lock")))
                    .as("nothing unverified stays in the cache")
                    .isEmpty();
        }
    }
}
