package io.frameflow.jobs.bench;

import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.jobs.assembly.PipelineResolver;
import io.frameflow.jobs.assembly.ResolvedPipeline;
import io.frameflow.jobs.run.EmbeddedRunner;
import io.frameflow.jobs.run.RunOutcome;
import io.frameflow.jobs.run.Terminal;
import io.frameflow.jobs.spec.PipelineSpec;
import io.frameflow.jobs.spec.PipelineSpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much batching across streams buys: the same pipeline (8 streams of the sample clip, one
 * subtask, one detect stage with nanodet-coco) at batch sizes 1, 4 and 8, run one after the other
 * in this process, with frames/s of each and the ratio to batch 1. Each size runs {@code rounds}
 * times, interleaved, and the median counts, so that a slow spell of a shared machine does not
 * favour one size.
 */
public final class BatchingBenchmark {

    /** Batch sizes compared; the first is the baseline. */
    static final int[] BATCH_SIZES = {1, 4, 8};

    /** Streams read by the one subtask. */
    static final int STREAMS = 8;

    /**
     * @param framesPerStream frames analysed of each stream
     * @param threads inference threads of the stage
     * @param rounds runs of each batch size
     */
    public record Options(int framesPerStream, int threads, int rounds) {}

    private final ModelStore models;
    private final FrameflowCache cache;
    private final Terminal terminal;

    public BatchingBenchmark(ModelStore models, FrameflowCache cache, Terminal terminal) {
        this.models = models;
        this.cache = cache;
        this.terminal = terminal;
    }

    /** Runs the benchmark and prints the figures; returns the exit status. */
    public int run(Options options) throws Exception {
        Path out = Files.createTempDirectory("frameflow-bench-batching");
        terminal.step("warming up…");
        runOnce(spec(1, Math.min(10, options.framesPerStream()), options.threads(), out));
        List<List<Double>> fps = new ArrayList<>();
        for (int ignored : BATCH_SIZES) {
            fps.add(new ArrayList<>());
        }
        for (int round = 1; round <= options.rounds(); round++) {
            for (int b = 0; b < BATCH_SIZES.length; b++) {
                terminal.step("round " + round + ": batch " + BATCH_SIZES[b] + "…");
                double rate =
                        runOnce(
                                spec(
                                        BATCH_SIZES[b],
                                        options.framesPerStream(),
                                        options.threads(),
                                        out));
                fps.get(b).add(rate);
            }
        }
        double baseline = Rounds.median(fps.get(0));
        for (int b = 0; b < BATCH_SIZES.length; b++) {
            double m = Rounds.median(fps.get(b));
            terminal.result(
                    String.format(
                            Locale.ROOT,
                            "batch %d: %.1f frames/s (median of %d; runs %s), ratio to batch 1:"
                                    + " %.3f",
                            BATCH_SIZES[b],
                            m,
                            fps.get(b).size(),
                            Rounds.format(fps.get(b), "%.1f"),
                            m / baseline));
        }
        terminal.result(
                String.format(
                        Locale.ROOT,
                        "%d streams x %d frames of vtest.avi, nanodet-coco on ONNX Runtime CPU, %d"
                                + " inference threads, %d cores",
                        STREAMS,
                        options.framesPerStream(),
                        options.threads(),
                        Runtime.getRuntime().availableProcessors()));
        return 0;
    }

    /** The benchmark pipeline for one batch size. */
    static PipelineSpec spec(int batchSize, int framesPerStream, int threads, Path out) {
        StringBuilder yaml = new StringBuilder("name: bench-batching\nsources:\n");
        for (int s = 0; s < STREAMS; s++) {
            yaml.append("  - { id: cam-")
                    .append(s)
                    .append(", uri: \"sample:vtest.avi\", max-frames: ")
                    .append(framesPerStream)
                    .append(" }\n");
        }
        yaml.append("stages:\n  - detect: { model: nanodet-coco, batch-size: ")
                .append(batchSize)
                .append(", max-delay: 200ms, threads: ")
                .append(threads)
                .append(" }\nsinks:\n  - jsonl: { path: \"")
                .append(out.toString().replace("\\", "/"))
                .append("\" }\nexecution: { parallelism: 1 }\n");
        return PipelineSpecParser.parse(yaml.toString(), "bench-batching.yaml");
    }

    private double runOnce(PipelineSpec spec) throws Exception {
        ResolvedPipeline resolved =
                new PipelineResolver(models, cache, terminal::step)
                        .resolve(spec, "bench-batching.yaml");
        ResolvedPipeline timed =
                resolved.withParts(resolved.parts().withResultSink(new ResultTimer()));
        ResultTimer.reset();
        RunOutcome outcome =
                new EmbeddedRunner(terminal, cache.root().resolve("runs")).run(timed, done -> {});
        if (outcome.state() != RunOutcome.State.FINISHED) {
            throw new IllegalStateException(
                    "the benchmark pipeline did not finish: " + outcome.state(), outcome.failure());
        }
        return ResultTimer.steadyRate();
    }
}
