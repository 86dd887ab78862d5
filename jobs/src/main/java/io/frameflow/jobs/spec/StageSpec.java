package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code stages}: a map with exactly one key naming the stage kind. Only {@code
 * detect} exists so far; restoration and segmentation stages will join it here.
 */
public record StageSpec(@JsonProperty("detect") DetectStageSpec detect) {}
