package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frameflow.jobs.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frameflow run} in its own process, stopped with SIGTERM (what Ctrl-C, {@code kill} and
 * container runtimes send) part-way through the clip: it exits within a minute, says how far it
 * got, and every frame up to there is committed to the results exactly once.
 */
class StopOnSignalITCase {
    @TempDir Path dir;

    @Test
    void sigtermCommitsWhatWasAnalysedAndExits() throws Exception {
        Path out = dir.resolve("out");
        Path pipeline =
                Cli.pipeline(
                        dir,
                        """
                        name: stop-me
                        sources:
                          - uri: sample:vtest.avi
                        stages:
                          - detect: { model: nanodet-coco, threshold: 0.35 }
                        sinks:
                          - jsonl: { path: %s }
                        execution: { checkpoint-interval: 1m }
                        """
                                .formatted(out));
        // The classpath in an argument file keeps the command line short.
        Path args =
                Files.writeString(
                        dir.resolve("java.args"),
                        "-cp \"" + System.getProperty("java.class.path") + "\"\n");
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "--enable-native-access=ALL-UNNAMED",
                                "@" + args,
                                Main.class.getName(),
                                "run",
                                pipeline.toString())
                        // files, not pipes: Process.destroy() closes the pipes
                        .redirectOutput(dir.resolve("stdout.txt").toFile())
                        .redirectError(dir.resolve("stderr.txt").toFile())
                        .start();

        // wait until the job has started, then let it analyse for a while
        waitForStderr(dir.resolve("stderr.txt"), "results to", 120);
        Thread.sleep(8_000);
        child.destroy(); // SIGTERM
        boolean exited = child.waitFor(90, TimeUnit.SECONDS);
        String stdout = Files.readString(dir.resolve("stdout.txt"));
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        if (!exited) {
            child.destroyForcibly();
        }
        assertThat(exited).as("exited after SIGTERM; stderr:\n" + stderr).isTrue();
        assertThat(child.exitValue()).as("128 + SIGTERM").isEqualTo(143);
        assertThat(stderr).contains("stopping: draining the job and committing what was written");

        List<JsonNode> results = Cli.readJsonLines(out);
        assertThat(results.size()).as(stdout + "\n" + stderr).isBetween(1, 794);
        assertThat(stdout).contains("Stopped after " + results.size() + " frames");
        assertThat(results.stream().map(r -> r.get("seq").asLong()))
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, results.size()).boxed().toList());
    }

    private static void waitForStderr(Path file, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("'" + text + "' did not appear in " + Files.readString(file));
    }
}
