package io.frameflow.jobs.cli;

import io.frameflow.jobs.spec.PipelineSpec;
import io.frameflow.jobs.spec.PipelineSpecParser;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code frameflow run PIPELINE.yaml}: runs a pipeline on an embedded Flink cluster. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a pipeline on an embedded Flink cluster in this process.",
            "Fetches the models and sample videos it names first. Ends by itself when every"
                    + " source is finite; Ctrl-C stops it after committing what was written.",
            "Exit status: 0 done, 1 the job failed, 2 bad pipeline or input, 3 some stream"
                    + " stopped with an error."
        })
final class RunCommand implements Callable<Integer> {
    @ParentCommand FrameflowCommand top;

    @Parameters(paramLabel = "PIPELINE.yaml", description = "The pipeline file.")
    Path pipeline;

    @Override
    public Integer call() throws Exception {
        PipelineSpec spec = PipelineSpecParser.parse(pipeline);
        return PipelineExecution.execute(top, spec, pipeline.getFileName().toString());
    }
}
