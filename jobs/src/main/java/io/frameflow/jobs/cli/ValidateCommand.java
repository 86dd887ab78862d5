package io.frameflow.jobs.cli;

import io.frameflow.jobs.spec.PipelineSpec;
import io.frameflow.jobs.spec.PipelineSpecParser;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code frameflow validate PIPELINE.yaml}: checks a pipeline file without running it. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks a pipeline file (keys, types, ranges) without fetching or running.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand FrameflowCommand top;

    @Parameters(paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    Path pipeline;

    @Override
    public Integer call() {
        PipelineSpec spec = PipelineSpecParser.parse(pipeline);
        top.terminal.result(
                pipeline
                        + ": ok ("
                        + spec.sources().size()
                        + " source(s), model"
                        + (spec.stages().size() == 1 ? " " : "s ")
                        + String.join(" > ", spec.stageModels())
                        + ", "
                        + spec.sinks().size()
                        + " sink(s))");
        return 0;
    }
}
