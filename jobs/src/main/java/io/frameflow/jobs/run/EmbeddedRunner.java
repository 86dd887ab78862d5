package io.frameflow.jobs.run;

import io.frameflow.inference.fetch.TreeDeleter;
import io.frameflow.jobs.assembly.FrameflowJob;
import io.frameflow.jobs.assembly.LabelStats;
import io.frameflow.jobs.assembly.LabelStatsAccumulator;
import io.frameflow.jobs.assembly.ResolvedPipeline;
import io.frameflow.jobs.assembly.RunAccumulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a resolved pipeline on a Flink MiniCluster in this JVM, shows progress while it runs, and
 * stops it cleanly on Ctrl-C or SIGTERM: the job is stopped with a draining savepoint, so every
 * result written so far is committed before the process exits.
 */
public final class EmbeddedRunner {
    private final Terminal terminal;
    private final Path workDirectory;

    /**
     * @param workDirectory where each run's stop savepoint is written (deleted afterwards)
     */
    public EmbeddedRunner(Terminal terminal, Path workDirectory) {
        this.terminal = terminal;
        this.workDirectory = workDirectory;
    }

    /**
     * Runs {@code pipeline} until it finishes, fails, or the process is asked to stop, then hands
     * the outcome to {@code report}. On Ctrl-C the JVM exits once {@code report} returns, so the
     * report is written before the process ends.
     */
    public RunOutcome run(ResolvedPipeline pipeline, Consumer<RunOutcome> report) throws Exception {
        // one directory per run: runs in other processes stop and clean up their own
        Path savepoints =
                Files.createTempDirectory(Files.createDirectories(workDirectory), "savepoints-");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(configuration(pipeline));
        FrameflowJob.build(env, pipeline.parts());

        long start = System.nanoTime();
        JobClient client = env.executeAsync(pipeline.name());
        AtomicBoolean stopRequested = new AtomicBoolean();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(client, savepoints, stopRequested, reported));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunOutcome outcome = await(client, pipeline, start, stopRequested);
            report.accept(outcome);
            return outcome;
        } finally {
            ShutdownHooks.remove(hook);
            reported.countDown();
            // a savepoint left behind is harmless: the next run writes its own
            TreeDeleter.deleteQuietly(savepoints);
        }
    }

    /** The MiniCluster's configuration for {@code pipeline}. */
    static Configuration configuration(ResolvedPipeline pipeline) {
        int parallelism = pipeline.parts().parallelism();
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0"); // never collide with another run or a real cluster
        conf.set(PipelineOptions.OBJECT_REUSE, true); // frames are handed on by reference
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, pipeline.checkpointInterval());
        // accumulators travel with heartbeats: once a second keeps the progress line current
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        return conf;
    }

    private RunOutcome await(
            JobClient client, ResolvedPipeline pipeline, long start, AtomicBoolean stopRequested)
            throws InterruptedException {
        ProgressLine progress = new ProgressLine(pipeline.totalFrames(), start);
        var result = client.getJobExecutionResult();
        // what the job had counted when last asked: a failed job has no final accumulators
        Map<String, Object> lastSeen = Map.of();
        while (true) {
            try {
                JobExecutionResult done = result.get(1, TimeUnit.SECONDS);
                return outcome(
                        stopRequested.get() ? RunOutcome.State.STOPPED : RunOutcome.State.FINISHED,
                        done.getAllAccumulatorResults(),
                        start,
                        null);
            } catch (TimeoutException stillRunning) {
                var polled = accumulators(client);
                if (polled.isPresent()) {
                    lastSeen = polled.get();
                    terminal.progress(progress.format(frames(lastSeen)));
                }
            } catch (ExecutionException e) {
                return outcome(RunOutcome.State.FAILED, lastSeen, start, e.getCause());
            }
        }
    }

    private static java.util.Optional<Map<String, Object>> accumulators(JobClient client)
            throws InterruptedException {
        try {
            return java.util.Optional.of(client.getAccumulators().get(2, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException ignored) {
            // the job is starting or finishing: no progress to show this time
            return java.util.Optional.empty();
        } catch (IllegalStateException ignored) {
            // the job finished and its MiniCluster shut down since the last wait: the result
            // is there now, with the final accumulators
            return java.util.Optional.empty();
        }
    }

    private static long frames(Map<String, Object> accumulators) {
        Object frames = accumulators.get(RunAccumulators.FRAMES_ANALYSED);
        return frames instanceof Long n ? n : 0L;
    }

    private static RunOutcome outcome(
            RunOutcome.State state,
            Map<String, Object> accumulators,
            long start,
            Throwable failure) {
        Object stats = accumulators.get(LabelStatsAccumulator.NAME);
        Object deadLetters = accumulators.get(RunAccumulators.DEAD_LETTERS);
        List<String> failed = RunAccumulators.failedStreams(accumulators);
        return new RunOutcome(
                state,
                stats instanceof LabelStats s ? s : new LabelStats(),
                deadLetters instanceof Long n ? n : 0L,
                failed,
                Duration.ofNanos(System.nanoTime() - start),
                failure);
    }

    private void stop(
            JobClient client,
            Path savepoints,
            AtomicBoolean stopRequested,
            CountDownLatch reported) {
        stopRequested.set(true);
        terminal.step("stopping: draining the job and committing what was written…");
        try {
            client.stopWithSavepoint(
                            true, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            terminal.error("could not stop cleanly (" + e + "); cancelling");
            client.cancel();
        }
        ShutdownHooks.await(reported, 60);
    }
}
