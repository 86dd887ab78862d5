package io.frameflow.jobs.bench;

import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.detect.DetectorFactory;
import io.frameflow.inference.detect.DetectorOptions;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.jobs.assembly.PipelineResolver;
import io.frameflow.jobs.assembly.ResolvedPipeline;
import io.frameflow.jobs.run.EmbeddedRunner;
import io.frameflow.jobs.run.RunOutcome;
import io.frameflow.jobs.run.Terminal;
import io.frameflow.jobs.samples.DemoPipeline;
import io.frameflow.jobs.samples.SampleVideos;
import io.frameflow.jobs.spec.PipelineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures what Flink costs: the demo pipeline (embedded MiniCluster, JSON Lines sink) against a
 * bare loop (decode → pre-process → ONNX Runtime → decode boxes, one thread) over the same frames
 * of the same video, with the same model and inference thread count, in this one process. Prints
 * frames/s of each and their ratio; steady rates are timed from the first to the last result, so
 * start-up (MiniCluster, model load) is reported apart, in the end-to-end rates.
 */
public final class PipelineBenchmark {
    /**
     * @param frames frames per run (from the start of the video)
     * @param threads ONNX Runtime threads, for both
     * @param rounds how many times to run each, alternating
     */
    public record Options(long frames, int threads, int rounds) {}

    private final ModelStore models;
    private final FrameflowCache cache;
    private final Terminal terminal;

    public PipelineBenchmark(ModelStore models, FrameflowCache cache, Terminal terminal) {
        this.models = models;
        this.cache = cache;
        this.terminal = terminal;
    }

    /** Runs the benchmark and prints the figures; returns the exit status. */
    public int run(Options options) throws Exception {
        FetchedModel model = models.fetch("nanodet-coco", terminal::step);
        String video = SampleVideos.resolve("sample:vtest.avi", cache, terminal::step).toString();
        PipelineSpec demo = DemoPipeline.spec();
        double threshold = demo.detectStage().threshold();
        DetectorFactory detector =
                new DetectorFactory(
                        model,
                        DetectorOptions.from(model.spec().defaults())
                                .withScoreThreshold(threshold)
                                .withThreads(options.threads()));
        terminal.step("warming up (20 frames)…");
        BareLoop.run(video, detector, 20);

        List<double[]> rows = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            terminal.step("round " + round + ": bare loop…");
            BareLoop.Timing loop = BareLoop.run(video, detector, options.frames());
            terminal.step("round " + round + ": pipeline…");
            double[] pipeline = runPipeline(demo, options);
            rows.add(
                    new double[] {
                        loop.steadyFps(),
                        pipeline[0],
                        loop.frames() / loop.wallSeconds(),
                        pipeline[1]
                    });
            terminal.result(
                    String.format(
                            Locale.ROOT,
                            "round %d: %d frames; bare loop %.1f frames/s, pipeline %.1f frames/s,"
                                    + " ratio %.3f (end to end incl. start-up: %.1f vs %.1f)",
                            round,
                            loop.frames(),
                            loop.steadyFps(),
                            pipeline[0],
                            pipeline[0] / loop.steadyFps(),
                            loop.frames() / loop.wallSeconds(),
                            pipeline[1]));
        }
        double loopMedian = median(rows, 0);
        double pipelineMedian = median(rows, 1);
        terminal.result(
                String.format(
                        Locale.ROOT,
                        "median of %d: bare loop %.1f frames/s, pipeline %.1f frames/s, ratio %.3f"
                                + " (%d inference threads, %d cores)",
                        rows.size(),
                        loopMedian,
                        pipelineMedian,
                        pipelineMedian / loopMedian,
                        options.threads(),
                        Runtime.getRuntime().availableProcessors()));
        return 0;
    }

    /** Steady and end-to-end frames/s of one run of the demo pipeline. */
    private double[] runPipeline(PipelineSpec demo, Options options) throws Exception {
        Path out = Files.createTempDirectory("frameflow-bench");
        PipelineSpec spec = DemoPipeline.customize(demo, options.frames(), out, options.threads());
        ResolvedPipeline resolved =
                new PipelineResolver(models, cache, terminal::step).resolve(spec, "demo.yaml");
        ResolvedPipeline timed =
                resolved.withParts(resolved.parts().withResultSink(new ResultTimer()));
        ResultTimer.reset();
        RunOutcome outcome =
                new EmbeddedRunner(terminal, cache.root().resolve("runs")).run(timed, done -> {});
        if (outcome.state() != RunOutcome.State.FINISHED) {
            throw new IllegalStateException(
                    "the benchmark pipeline did not finish: " + outcome.state(), outcome.failure());
        }
        double wall = outcome.elapsed().toNanos() / 1e9;
        return new double[] {ResultTimer.steadyRate(), ResultTimer.count() / wall};
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
