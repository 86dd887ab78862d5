package io.frameflow.jobs.assembly;

import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.jobs.spec.DurationValue;
import io.frameflow.jobs.spec.PipelineSpec;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.jobs.spec.SinkSpec;
import io.frameflow.jobs.spec.WatermarkSpec;
import io.frameflow.operators.stage.ModelStage;
import io.frameflow.operators.time.EventTimeOptions;
import io.frameflow.sinks.file.JsonLinesFileSink;
import io.frameflow.sinks.jdbc.PostgresSink;
import io.frameflow.sinks.jdbc.PostgresSinkOptions;
import io.frameflow.sinks.mqtt.MqttSink;
import io.frameflow.sinks.mqtt.MqttSinkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a validated pipeline file into the parts of a job: fetches the models and sample videos it
 * names (before the job starts: a running job never downloads), checks every file source with
 * FFmpeg, and builds the source, the model stages (see {@code StageResolver}) and the sinks. Every
 * problem names the file and the key, e.g. {@code p.yaml: sources[1].uri: file not found:
 * /videos/x.avi}.
 */
public final class PipelineResolver {
    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    private final ModelStore models;
    private final FrameflowCache cache;
    private final ProgressListener progress;
    private final int cores;

    public PipelineResolver(ModelStore models, FrameflowCache cache, ProgressListener progress) {
        this(models, cache, progress, Runtime.getRuntime().availableProcessors());
    }

    PipelineResolver(
            ModelStore models, FrameflowCache cache, ProgressListener progress, int cores) {
        this.models = models;
        this.cache = cache;
        this.progress = progress;
        this.cores = cores;
    }

    /** Resolves {@code spec}, read from {@code file} (used in messages). */
    public ResolvedPipeline resolve(PipelineSpec spec, String file) {
        int parallelism =
                spec.execution().parallelism() == null ? 1 : spec.execution().parallelism();
        SourceResolver.Sources sources =
                new SourceResolver(file, cache, progress).resolve(spec.sources(), spec.name());
        // the model stages share the cores; more threads than that only contend
        List<ModelStage> stages =
                new StageResolver(models, progress, file, Math.max(1, cores / parallelism))
                        .resolve(spec.stages());

        DurationValue checkpoints = spec.execution().checkpointInterval();
        Duration interval =
                checkpoints == null ? DEFAULT_CHECKPOINT_INTERVAL : checkpoints.duration();
        FrameflowJob.Analytics analytics = AnalyticsResolver.resolve(spec, file);
        boolean tracking = analytics != null;
        boolean windows = tracking && analytics.windows() != null;
        FrameflowJob.Outputs sinks = FrameflowJob.Outputs.of(List.of(), List.of());
        List<String> outputs = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        for (int i = 0; i < spec.sinks().size(); i++) {
            SinkSpec sink = spec.sinks().get(i);
            String at = file + ": sinks[" + i + "]";
            if (sink.jsonl() != null) {
                Path dir = Path.of(sink.jsonl().path()).toAbsolutePath().normalize();
                Duration roll =
                        sink.jsonl().rollInterval() == null
                                ? JsonLinesFileSink.DEFAULT_ROLL_INTERVAL
                                : sink.jsonl().rollInterval().duration();
                sinks =
                        sinks.withResults(
                                        JsonLinesFileSink.forResults(
                                                dir.toString(), "results", roll))
                                .withDeadLetters(
                                        JsonLinesFileSink.forDeadLetters(
                                                dir.resolve("dead-letters").toString(),
                                                "dead-letters",
                                                roll));
                if (windows) {
                    sinks =
                            sinks.withWindows(
                                    JsonLinesFileSink.forWindowResults(
                                            dir.resolve(JsonLinesFileSink.WINDOWS_SUBDIRECTORY)
                                                    .toString(),
                                            "windows",
                                            roll));
                }
                if (tracking) {
                    sinks =
                            sinks.withEvents(
                                    JsonLinesFileSink.forTrackEvents(
                                            dir.resolve(JsonLinesFileSink.EVENTS_SUBDIRECTORY)
                                                    .toString(),
                                            "events",
                                            roll));
                }
                outputs.add(dir + "/results-*.jsonl");
                directories.add(dir);
            } else if (sink.kafka() != null) {
                KafkaSinks.Built kafka =
                        KafkaSinks.build(
                                sink.kafka(),
                                spec.name(),
                                at + ".kafka",
                                tracking,
                                windows,
                                interval);
                sinks = sinks.withResults(kafka.results());
                if (kafka.deadLetters() != null) {
                    sinks = sinks.withDeadLetters(kafka.deadLetters());
                }
                if (kafka.windows() != null) {
                    sinks = sinks.withWindows(kafka.windows());
                }
                if (kafka.events() != null) {
                    sinks = sinks.withEvents(kafka.events());
                }
                for (String topic : kafka.topics()) {
                    outputs.add("kafka topic " + topic + " at " + sink.kafka().bootstrap());
                }
            } else if (sink.postgres() != null) {
                PostgresSinkOptions options =
                        OtherSinks.postgres(sink.postgres(), at + ".postgres");
                OtherSinks.checkPostgres(options, at + ".postgres");
                sinks = sinks.withResults(PostgresSink.forFrames(options));
                if (windows) {
                    sinks = sinks.withWindows(PostgresSink.forWindows(options));
                }
                if (tracking) {
                    sinks = sinks.withEvents(PostgresSink.forEvents(options));
                }
                outputs.add(
                        "postgres tables "
                                + options.table("*")
                                + " at "
                                + PostgresSink.describe(options));
            } else if (sink.mqtt() != null) {
                if (!tracking) {
                    throw new PipelineSpecException(
                            at
                                    + ".mqtt: publishes track events, so the pipeline needs a"
                                    + " tracking or analytics section");
                }
                MqttSinkOptions options = OtherSinks.mqtt(sink.mqtt(), spec.name(), at + ".mqtt");
                sinks = sinks.withEvents(MqttSink.forEvents(options));
                if (windows && options.windows()) {
                    sinks = sinks.withWindows(MqttSink.forWindows(options));
                }
                if (options.results()) {
                    sinks = sinks.withResults(MqttSink.forResults(options));
                }
                outputs.add(
                        "mqtt " + options.broker() + " topics " + options.prefix() + "/<stream>/…");
            } else {
                sinks = sinks.withVideo(OtherSinks.video(sink.video(), at + ".video"));
                Path dir = Path.of(sink.video().path()).toAbsolutePath().normalize();
                outputs.add(dir + "/<stream>/*.mp4");
            }
        }
        FrameflowJob.Parts parts =
                new FrameflowJob.Parts(
                        sources.source(),
                        sources.kafka(),
                        parallelism,
                        stages,
                        sinks,
                        sources.sampling(),
                        eventTime(spec.watermarks(), file),
                        analytics);
        return new ResolvedPipeline(
                spec.name(),
                parts,
                sources.descriptions(),
                sources.totalFrames(),
                outputs,
                directories,
                interval);
    }

    private static EventTimeOptions eventTime(WatermarkSpec spec, String file) {
        try {
            return new EventTimeOptions(
                    spec.outOfOrderness() == null
                            ? EventTimeOptions.DEFAULT_OUT_OF_ORDERNESS
                            : spec.outOfOrderness().duration(),
                    spec.idleness() == null
                            ? EventTimeOptions.DEFAULT_IDLENESS
                            : spec.idleness().duration());
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(file + ": watermarks: " + e.getMessage(), e);
        }
    }
}
