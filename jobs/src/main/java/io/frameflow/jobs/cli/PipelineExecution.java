package io.frameflow.jobs.cli;

import io.frameflow.jobs.assembly.PipelineResolver;
import io.frameflow.jobs.assembly.ResolvedPipeline;
import io.frameflow.jobs.run.EmbeddedRunner;
import io.frameflow.jobs.run.RunOutcome;
import io.frameflow.jobs.run.RunReport;
import io.frameflow.jobs.run.Terminal;
import io.frameflow.jobs.spec.PipelineSpec;

/** Resolves a pipeline, runs it embedded, and prints its report: shared by run and demo. */
final class PipelineExecution {
    private PipelineExecution() {}

    static int execute(FrameflowCommand top, PipelineSpec spec, String fileName) throws Exception {
        Terminal terminal = top.terminal;
        ResolvedPipeline pipeline =
                new PipelineResolver(top.models(), top.cache(), terminal::step)
                        .resolve(spec, fileName);
        terminal.step("pipeline '" + pipeline.name() + "':");
        pipeline.streams().forEach(s -> terminal.step("  stream " + s));
        pipeline.outputs().forEach(o -> terminal.step("  results to " + o));
        RunOutcome outcome =
                new EmbeddedRunner(terminal, top.cache().root().resolve("runs"))
                        .run(pipeline, done -> RunReport.print(terminal, pipeline, done));
        return outcome.exitCode();
    }
}
