package io.frameflow.jobs.cli;

import io.frameflow.jobs.bench.CheckpointBenchmark;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code frameflow bench-checkpoints}: checkpoint duration with tracking and windows on and off.
 */
@Command(
        name = "bench-checkpoints",
        mixinStandardHelpOptions = true,
        description = {
            "Runs 8 streams of the sample clip through nanodet-coco in one subtask with a",
            "checkpoint every second, with tracking and windows off and on, and prints Flink's",
            "checkpoint statistics (duration, state size) of each and the ratio on/off."
        })
final class CheckpointBenchCommand implements Callable<Integer> {
    @ParentCommand FrameflowCommand top;

    @Option(
            names = "--frames",
            paramLabel = "N",
            defaultValue = "150",
            description = "Frames of each of the 8 streams per run (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(
            names = "--interval-ms",
            paramLabel = "MS",
            defaultValue = "1000",
            description = "Time between checkpoints (default: ${DEFAULT-VALUE} ms).")
    long intervalMillis;

    @Mixin BenchRounds bench;

    @Override
    public Integer call() throws Exception {
        if (frames < 10) {
            throw new IllegalArgumentException("--frames must be >= 10");
        }
        if (intervalMillis < 100) {
            throw new IllegalArgumentException("--interval-ms must be >= 100");
        }
        int t = bench.threads();
        return new CheckpointBenchmark(top.models(), top.cache(), top.terminal)
                .run(
                        new CheckpointBenchmark.Options(
                                frames, t, bench.rounds, Duration.ofMillis(intervalMillis)));
    }
}
