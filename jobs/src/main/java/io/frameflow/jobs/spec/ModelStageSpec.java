package io.frameflow.jobs.spec;

/** The keys every model stage of a pipeline file has. */
public sealed interface ModelStageSpec permits RestoreStageSpec, SegmentStageSpec, DetectStageSpec {

    String model();

    Integer batchSize();

    DurationValue maxDelay();

    String backend();

    String precision();

    Integer threads();
}
