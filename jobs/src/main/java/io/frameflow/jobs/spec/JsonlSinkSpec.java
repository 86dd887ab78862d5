package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * JSON Lines files in a directory (exactly-once). Dead letters go to its {@code dead-letters/}
 * subdirectory.
 *
 * @param path the directory (created if missing)
 * @param rollInterval age at which a file is closed and made visible; default 1 minute
 */
public record JsonlSinkSpec(
        @JsonProperty("path") String path,
        @JsonProperty("roll-interval") DurationValue rollInterval) {}
