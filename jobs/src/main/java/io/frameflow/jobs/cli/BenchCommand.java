package io.frameflow.jobs.cli;

import io.frameflow.jobs.bench.PipelineBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code frameflow bench}: the demo pipeline against a bare decode+infer loop. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the demo pipeline and a bare loop (decode, pre-process, ONNX Runtime, decode",
            "boxes) over the same frames with the same model and thread count, in this process,",
            "and prints frames/s of each and their ratio."
        })
final class BenchCommand implements Callable<Integer> {
    @ParentCommand FrameflowCommand top;

    @Option(
            names = "--frames",
            paramLabel = "N",
            defaultValue = "300",
            description = "Frames per run (default: ${DEFAULT-VALUE}).")
    long frames;

    @Mixin BenchRounds bench;

    @Override
    public Integer call() throws Exception {
        if (frames < 2) {
            throw new IllegalArgumentException("--frames must be >= 2");
        }
        int t = bench.threads();
        return new PipelineBenchmark(top.models(), top.cache(), top.terminal)
                .run(new PipelineBenchmark.Options(frames, t, bench.rounds));
    }
}
