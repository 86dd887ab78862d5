package io.frameflow.jobs.cli;

import io.frameflow.jobs.bench.PipelineBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Inference threads for both (default: the number of cores).")
    Integer threads;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Runs of each, alternating (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        if (frames < 2 || rounds < 1) {
            throw new IllegalArgumentException("--frames must be >= 2 and --rounds >= 1");
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) {
            throw new IllegalArgumentException("--threads: " + t + " must be >= 1");
        }
        return new PipelineBenchmark(top.models(), top.cache(), top.terminal)
                .run(new PipelineBenchmark.Options(frames, t, rounds));
    }
}
