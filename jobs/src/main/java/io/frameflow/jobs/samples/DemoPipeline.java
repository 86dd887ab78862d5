package io.frameflow.jobs.samples;

import io.frameflow.jobs.spec.DetectStageSpec;
import io.frameflow.jobs.spec.JsonlSinkSpec;
import io.frameflow.jobs.spec.PipelineSpec;
import io.frameflow.jobs.spec.PipelineSpecParser;
import io.frameflow.jobs.spec.SinkSpec;
import io.frameflow.jobs.spec.SourceSpec;
import io.frameflow.jobs.spec.StageSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo pipeline: NanoDet over OpenCV's pedestrian clip, results as JSON Lines. The file is on
 * the classpath and, identical, at {@code examples/demo.yaml}.
 */
public final class DemoPipeline {
    /** Classpath location of the demo pipeline file. */
    public static final String RESOURCE = "/io/frameflow/jobs/demo.yaml";

    private DemoPipeline() {}

    /** The demo pipeline file's text. */
    public static String yaml() {
        try (InputStream in = DemoPipeline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The demo pipeline, parsed. */
    public static PipelineSpec spec() {
        return PipelineSpecParser.parse(yaml(), "demo.yaml");
    }

    /**
     * The demo with its obvious settings changed; a {@code null} argument keeps the file's value.
     *
     * @param maxFrames analyse only this many frames of each stream
     * @param output directory of the JSON Lines results
     * @param threads inference threads
     */
    public static PipelineSpec customize(
            PipelineSpec demo, Long maxFrames, Path output, Integer threads) {
        if (maxFrames != null && maxFrames < 1) {
            throw new IllegalArgumentException("--max-frames: " + maxFrames + " must be >= 1");
        }
        List<SourceSpec> sources =
                demo.sources().stream()
                        .map(
                                s ->
                                        new SourceSpec(
                                                s.id(),
                                                s.uri(),
                                                maxFrames != null ? maxFrames : s.maxFrames()))
                        .toList();
        List<StageSpec> stages =
                demo.stages().stream()
                        .map(
                                s ->
                                        threads == null
                                                ? s
                                                : new StageSpec(withThreads(s.detect(), threads)))
                        .toList();
        List<SinkSpec> sinks =
                demo.sinks().stream()
                        .map(
                                s ->
                                        s.jsonl() == null || output == null
                                                ? s
                                                : new SinkSpec(
                                                        new JsonlSinkSpec(
                                                                output.toString(),
                                                                s.jsonl().rollInterval()),
                                                        null))
                        .toList();
        return new PipelineSpec(demo.name(), sources, stages, sinks, demo.execution());
    }

    private static DetectStageSpec withThreads(DetectStageSpec d, int threads) {
        return new DetectStageSpec(
                d.model(),
                d.threshold(),
                d.iouThreshold(),
                d.maxDetections(),
                d.batchSize(),
                d.maxDelay(),
                threads);
    }
}
