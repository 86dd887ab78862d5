package io.frameflow.jobs.cli;

import io.frameflow.jobs.bench.LatencyBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code frameflow latency}: capture-to-result latency of a live stream through the detector. */
@Command(
        name = "latency",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a live stream through the NanoDet detector on an embedded cluster and prints",
            "the time from each frame's capture to its result reaching the sinks: p50, p99, max,",
            "per time source (sender_report = the camera's clock, arrival = decode time here)."
        })
final class LatencyCommand implements Callable<Integer> {
    @ParentCommand FrameflowCommand top;

    @Option(
            names = "--uri",
            required = true,
            paramLabel = "URI",
            description = "The live stream, e.g. rtsp://127.0.0.1:8554/live.")
    String uri;

    @Option(
            names = "--frames",
            paramLabel = "N",
            defaultValue = "300",
            description = "Frames to analyse, warm-up included (default: ${DEFAULT-VALUE}).")
    long frames;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "30",
            description = "Results left out at the start (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "1",
            description = "Detection batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Inference threads (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (frames < 1 || warmup < 0 || warmup >= frames) {
            throw new IllegalArgumentException(
                    "--frames must be >= 1 and --warmup from 0 to fewer than --frames; got "
                            + frames
                            + " and "
                            + warmup);
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new LatencyBenchmark(top.models(), top.cache(), top.terminal)
                .run(new LatencyBenchmark.Options(uri, frames, warmup, t, batchSize));
    }
}
