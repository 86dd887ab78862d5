package io.frameflow.jobs.bench;

import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.jobs.assembly.FrameflowJob;
import io.frameflow.jobs.assembly.PipelineResolver;
import io.frameflow.jobs.assembly.ResolvedPipeline;
import io.frameflow.jobs.run.Terminal;
import io.frameflow.jobs.spec.PipelineSpec;
import io.frameflow.jobs.spec.PipelineSpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.util.stats.StatsSummarySnapshot;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What tracking and analytics cost at checkpoints: the same pipeline (8 streams of the sample clip
 * in one subtask, nanodet-coco, results to JSON Lines, a checkpoint every second) with tracking and
 * windows on and off, run one after the other in this process on a MiniCluster. For each it prints
 * Flink's own checkpoint statistics (end-to-end duration and state size of the completed
 * checkpoints) and the ratio of "on" to "off". Each variant runs {@code rounds} times, interleaved.
 */
public final class CheckpointBenchmark {

    /** Streams read by the one subtask. */
    static final int STREAMS = 8;

    /**
     * @param framesPerStream frames analysed of each stream
     * @param threads inference threads of the detect stage
     * @param rounds runs of each variant
     * @param interval time between checkpoints
     */
    public record Options(int framesPerStream, int threads, int rounds, Duration interval) {}

    /** One run's completed checkpoints. */
    record Figures(long checkpoints, double medianMillis, double maxMillis, double stateBytes) {}

    private final ModelStore models;
    private final FrameflowCache cache;
    private final Terminal terminal;

    public CheckpointBenchmark(ModelStore models, FrameflowCache cache, Terminal terminal) {
        this.models = models;
        this.cache = cache;
        this.terminal = terminal;
    }

    /** Runs the benchmark and prints the figures; returns the exit status. */
    public int run(Options options) throws Exception {
        Path out = Files.createTempDirectory("frameflow-bench-checkpoints");
        List<List<Figures>> runs = List.of(new ArrayList<>(), new ArrayList<>());
        String[] names = {"tracking off", "tracking on"};
        for (int round = 1; round <= options.rounds(); round++) {
            for (int v = 0; v < 2; v++) {
                terminal.step("round " + round + ": " + names[v] + "…");
                runs.get(v).add(runOnce(spec(v == 1, options, out), options.interval()));
            }
        }
        double[] median = new double[2];
        double[] state = new double[2];
        for (int v = 0; v < 2; v++) {
            List<Figures> f = runs.get(v);
            median[v] = Rounds.median(f.stream().map(Figures::medianMillis).toList());
            state[v] = Rounds.median(f.stream().map(Figures::stateBytes).toList());
            long checkpoints = f.stream().mapToLong(Figures::checkpoints).sum();
            double max = f.stream().mapToDouble(Figures::maxMillis).max().orElse(0);
            terminal.result(
                    String.format(
                            Locale.ROOT,
                            "%s: %d checkpoints completed in %d runs, end-to-end duration median"
                                    + " %.0f ms (runs: %s), max %.0f ms, state %.0f bytes",
                            names[v],
                            checkpoints,
                            f.size(),
                            median[v],
                            Rounds.format(f.stream().map(Figures::medianMillis).toList(), "%.0f"),
                            max,
                            state[v]));
        }
        terminal.result(
                String.format(
                        Locale.ROOT,
                        "ratio on/off: duration %.2f, state %.2f. %d streams x %d frames of"
                                + " vtest.avi in one subtask, nanodet-coco (batch 8, %d threads),"
                                + " tracking + 1s tumbling window, a checkpoint every %d ms, %d"
                                + " cores",
                        median[1] / median[0],
                        state[1] / Math.max(1, state[0]),
                        STREAMS,
                        options.framesPerStream(),
                        options.threads(),
                        options.interval().toMillis(),
                        Runtime.getRuntime().availableProcessors()));
        return 0;
    }

    /** The benchmark pipeline, with or without tracking and windows. */
    static PipelineSpec spec(boolean tracking, Options options, Path out) {
        StringBuilder yaml = new StringBuilder("name: bench-checkpoints\nsources:\n");
        for (int s = 0; s < STREAMS; s++) {
            yaml.append("  - { id: cam-")
                    .append(s)
                    .append(", uri: \"sample:vtest.avi\", max-frames: ")
                    .append(options.framesPerStream())
                    .append(" }\n");
        }
        yaml.append("stages:\n  - detect: { model: nanodet-coco, batch-size: 8, max-delay: 100ms,")
                .append(" threads: ")
                .append(options.threads())
                .append(" }\nsinks:\n  - jsonl: { path: \"")
                .append(out.toString().replace("\\", "/"))
                .append("\" }\nexecution: { parallelism: 1 }\n");
        if (tracking) {
            yaml.append(
                    "tracking: { max-lost: 1s }\nanalytics:\n  windows: [{ tumbling: 1s }]\n"
                            + "  zones: [{ id: left, polygon: [[0, 0], [384, 0], [384, 576],"
                            + " [0, 576]] }]\n");
        }
        return PipelineSpecParser.parse(yaml.toString(), "bench-checkpoints.yaml");
    }

    private Figures runOnce(PipelineSpec spec, Duration interval) throws Exception {
        ResolvedPipeline resolved =
                new PipelineResolver(models, cache, terminal::step)
                        .resolve(spec, "bench-checkpoints.yaml");
        FrameflowJob.Parts parts = resolved.parts();
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parts.parallelism());
        // the sinks take the default parallelism: it must fit the slots
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parts.parallelism());
        conf.set(WebOptions.CHECKPOINTS_HISTORY_SIZE, 10_000);
        MiniClusterConfiguration cluster =
                new MiniClusterConfiguration.Builder()
                        .setConfiguration(conf)
                        .setNumTaskManagers(1)
                        .setNumSlotsPerTaskManager(parts.parallelism())
                        .build();
        try (MiniCluster mini = new MiniCluster(cluster)) {
            mini.start();
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(conf);
            FrameflowJob.build(env, parts);
            JobGraph graph = env.getStreamGraph().getJobGraph();
            JobID id = graph.getJobID();
            mini.submitJob(graph).get();
            JobResult result = mini.requestJobResult(id).get();
            if (!result.isSuccess()) {
                throw new IllegalStateException(
                        "the benchmark pipeline failed",
                        result.getSerializedThrowable().orElse(null));
            }
            CheckpointStatsSnapshot stats =
                    mini.getArchivedExecutionGraph(id).get().getCheckpointStatsSnapshot();
            StatsSummarySnapshot duration = stats.getSummaryStats().getEndToEndDurationStats();
            StatsSummarySnapshot size = stats.getSummaryStats().getStateSizeStats();
            return new Figures(
                    stats.getCounts().getNumberOfCompletedCheckpoints(),
                    duration.getQuantile(0.5),
                    duration.getMaximum(),
                    size.getQuantile(0.5));
        }
    }
}
