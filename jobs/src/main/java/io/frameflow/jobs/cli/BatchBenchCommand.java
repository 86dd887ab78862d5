package io.frameflow.jobs.cli;

import io.frameflow.jobs.bench.BatchingBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code frameflow bench-batching}: a detect stage over 8 streams at batch 1, 4 and 8. */
@Command(
        name = "bench-batching",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a detect stage (nanodet-coco) over 8 streams of the sample clip in one subtask",
            "at batch sizes 1, 4 and 8, in this process, and prints frames/s of each and the",
            "ratio to batch 1."
        })
final class BatchBenchCommand implements Callable<Integer> {
    @ParentCommand FrameflowCommand top;

    @Option(
            names = "--frames",
            paramLabel = "N",
            defaultValue = "100",
            description = "Frames of each of the 8 streams per run (default: ${DEFAULT-VALUE}).")
    int frames;

    @Mixin BenchRounds bench;

    @Override
    public Integer call() throws Exception {
        if (frames < 2) {
            throw new IllegalArgumentException("--frames must be >= 2");
        }
        int t = bench.threads();
        return new BatchingBenchmark(top.models(), top.cache(), top.terminal)
                .run(new BatchingBenchmark.Options(frames, t, bench.rounds));
    }
}
