package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the job runs. All optional.
 *
 * @param parallelism parallel instances of the source and model stages (default 1)
 * @param checkpointInterval time between checkpoints (default 10s); results become visible in files
 *     and exactly-once topics at checkpoints
 */
public record ExecutionSpec(
        @JsonProperty("parallelism") Integer parallelism,
        @JsonProperty("checkpoint-interval") DurationValue checkpointInterval) {

    static final ExecutionSpec DEFAULTS = new ExecutionSpec(null, null);
}
