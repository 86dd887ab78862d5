package io.frameflow.jobs.bench;

import io.frameflow.common.TimeSource;
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
import io.frameflow.jobs.spec.PipelineSpec;
import io.frameflow.jobs.spec.PipelineSpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures end-to-end latency of a live stream through the detector, against a bare single-thread
 * decode+detect loop over the same stream in the same process (the baseline, run first): for each
 * result, the time from the frame's capture to the result reaching the sinks (the JSON Lines writer
 * and a recorder that sit side by side), as p50, p99 and max per time source. A sender-report time
 * is the camera's clock, so its figure includes encoding, network and jitter buffering; an arrival
 * time is taken when the frame is decoded, so its figure is FrameFlow's own share only.
 */
public final class LatencyBenchmark {
    /**
     * @param uri the live stream, e.g. {@code rtsp://host:8554/live}
     * @param frames frames to analyse, warm-up included
     * @param warmup results left out at the start (model load, first batches)
     * @param threads inference threads
     * @param batchSize detection batch size (1 for the lowest latency)
     */
    public record Options(String uri, long frames, int warmup, int threads, int batchSize) {}

    /** One result's latency: milliseconds from capture to result, and the clock of the capture. */
    record Sample(TimeSource source, long millis) {}

    private final ModelStore models;
    private final FrameflowCache cache;
    private final Terminal terminal;

    public LatencyBenchmark(ModelStore models, FrameflowCache cache, Terminal terminal) {
        this.models = models;
        this.cache = cache;
        this.terminal = terminal;
    }

    /**
     * Runs the stream through a bare decode+detect loop (the baseline), then through the pipeline,
     * and prints the figures of each; returns the exit status.
     */
    public int run(Options options) throws Exception {
        FetchedModel model = models.fetch("nanodet-coco", terminal::step);
        DetectorFactory detector =
                new DetectorFactory(
                        model,
                        DetectorOptions.from(model.spec().defaults())
                                .withScoreThreshold(0.35)
                                .withThreads(options.threads()));
        terminal.step("bare loop: decode and detect " + options.frames() + " frames…");
        report(
                "bare loop",
                BareLatencyLoop.run(options.uri(), detector, options.frames()),
                options);
        terminal.step("pipeline: " + options.frames() + " frames…");
        report("pipeline", runPipeline(options), options);
        return 0;
    }

    private List<Sample> runPipeline(Options options) throws Exception {
        Path out = Files.createTempDirectory("frameflow-latency");
        PipelineSpec spec = PipelineSpecParser.parse(yaml(options, out), "latency.yaml");
        ResolvedPipeline resolved =
                new PipelineResolver(models, cache, terminal::step).resolve(spec, "latency.yaml");
        ResolvedPipeline recorded =
                resolved.withParts(resolved.parts().withResultSink(new LatencyRecorder()));
        LatencyRecorder.reset();
        RunOutcome outcome =
                new EmbeddedRunner(terminal, cache.root().resolve("runs")).run(recorded, r -> {});
        if (outcome.state() != RunOutcome.State.FINISHED) {
            throw new IllegalStateException(
                    "the latency run did not finish: " + outcome.state(), outcome.failure());
        }
        return LatencyRecorder.samples();
    }

    private void report(String what, List<Sample> samples, Options options) {
        List<Sample> measured =
                samples.subList(Math.min(options.warmup(), samples.size()), samples.size());
        Map<TimeSource, List<Long>> bySource = new EnumMap<>(TimeSource.class);
        for (Sample s : measured) {
            bySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s.millis());
        }
        bySource.forEach(
                (source, values) ->
                        terminal.result(what + ": " + describe(source, values, options)));
    }

    private static String yaml(Options o, Path out) {
        return String.join(
                "\n",
                "name: latency",
                "sources:",
                "  - uri: \"" + o.uri().replace("\"", "\\\"") + "\"",
                "    max-frames: " + o.frames(),
                "stages:",
                "  - detect: { model: nanodet-coco, threshold: 0.35, batch-size: "
                        + o.batchSize()
                        + ", threads: "
                        + o.threads()
                        + " }",
                "sinks:",
                "  - jsonl: { path: \"" + out + "\" }",
                "");
    }

    static String describe(TimeSource source, List<Long> millis, Options o) {
        if (millis.isEmpty()) {
            return source.wireName() + ": no results after the warm-up";
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "capture → result, %s time: p50 %d ms, p99 %d ms, max %d ms over %d results"
                        + " (batch size %d, %d inference threads, %d cores)",
                source.wireName(),
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted[sorted.length - 1],
                sorted.length,
                o.batchSize(),
                o.threads(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
