package io.frameflow.jobs.cli;

import io.frameflow.jobs.samples.DemoPipeline;
import io.frameflow.jobs.spec.PipelineSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code frameflow demo}: the demo pipeline ({@code examples/demo.yaml}, also on the classpath):
 * NanoDet over OpenCV's pedestrian clip, results as JSON Lines.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the demo pipeline: the NanoDet COCO detector over OpenCV's vtest.avi",
            "(pedestrians, 795 frames), results as JSON Lines. Fetches the model and the",
            "video on first use."
        })
final class DemoCommand implements Callable<Integer> {
    @ParentCommand FrameflowCommand top;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "Directory for the .jsonl results (default: ${DEFAULT-VALUE}).",
            defaultValue = "out/demo")
    Path output;

    @Option(
            names = "--max-frames",
            paramLabel = "N",
            description = "Analyse only the first N frames.")
    Long maxFrames;

    @Override
    public Integer call() throws Exception {
        PipelineSpec demo = DemoPipeline.customize(DemoPipeline.spec(), maxFrames, output, null);
        return PipelineExecution.execute(top, demo, "demo.yaml");
    }
}
