package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A pipeline file, as written by the user: where video comes from, which model stages run, and
 * where results go. Built by {@link PipelineSpecParser}, which validates it and names the bad key
 * and value when it is wrong.
 *
 * @param name the pipeline's name (also the Flink job name)
 * @param sources the video streams, one split each
 * @param stages the model stages, in order: {@code restore}, {@code segment}, {@code detect}
 * @param sinks where results go
 * @param execution how the job runs (parallelism, checkpoints); optional
 * @param watermarks event-time settings; optional
 * @param tracking the tracker's settings; optional (tracking runs when this or {@code analytics} is
 *     present)
 * @param analytics event-time windows, zones and lines; optional
 */
public record PipelineSpec(
        @JsonProperty("name") String name,
        @JsonProperty("sources") List<SourceSpec> sources,
        @JsonProperty("stages") List<StageSpec> stages,
        @JsonProperty("sinks") List<SinkSpec> sinks,
        @JsonProperty("execution") ExecutionSpec execution,
        @JsonProperty("watermarks") WatermarkSpec watermarks,
        @JsonProperty("tracking") TrackingSpec tracking,
        @JsonProperty("analytics") AnalyticsSpec analytics) {

    public PipelineSpec {
        sources = sources == null ? List.of() : List.copyOf(sources);
        stages = stages == null ? List.of() : List.copyOf(stages);
        sinks = sinks == null ? List.of() : List.copyOf(sinks);
        execution = execution == null ? ExecutionSpec.DEFAULTS : execution;
        watermarks = watermarks == null ? WatermarkSpec.DEFAULTS : watermarks;
        if (tracking == null && analytics != null) {
            tracking = TrackingSpec.DEFAULTS;
        }
    }

    /** A pipeline with default watermarks. */
    public PipelineSpec(
            String name,
            List<SourceSpec> sources,
            List<StageSpec> stages,
            List<SinkSpec> sinks,
            ExecutionSpec execution) {
        this(name, sources, stages, sinks, execution, null, null, null);
    }

    /** Whether the job tracks objects (a {@code tracking} or {@code analytics} section). */
    public boolean tracks() {
        return tracking != null;
    }

    /** The detect stage on whole frames, or null when the pipeline has none. */
    public DetectStageSpec detectStage() {
        return stages.stream()
                .map(StageSpec::detect)
                .filter(d -> d != null && !d.secondary())
                .findFirst()
                .orElse(null);
    }

    /** Each stage's model, in order, for messages. */
    public List<String> stageModels() {
        return stages.stream().map(s -> s.stage().model()).toList();
    }
}
