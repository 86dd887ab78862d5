package io.frameflow.jobs.cli;

import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelSpecLoader;
import io.frameflow.jobs.run.Terminal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frameflow}: the top-level command; its options apply to every subcommand. */
@Command(
        name = "frameflow",
        mixinStandardHelpOptions = true,
        version = "FrameFlow 0.1.0",
        description = "Streaming video analytics on Apache Flink.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            ValidateCommand.class,
            ModelsCommand.class,
            BenchCommand.class,
            BatchBenchCommand.class,
            CheckpointBenchCommand.class,
            PublishCommand.class,
            LatencyCommand.class,
            EvalRestoreCommand.class
        })
public final class FrameflowCommand {
    final Terminal terminal;

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description =
                    "Where models and sample videos are kept (default: $FRAMEFLOW_CACHE, else"
                            + " ~/.cache/frameflow).")
    Path cacheDir;

    @Option(
            names = "--catalog",
            paramLabel = "SPEC.yaml",
            description = "A model spec to add to the built-in catalog (repeatable).")
    List<Path> extraSpecs = new ArrayList<>();

    FrameflowCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    FrameflowCache cache() {
        return cacheDir == null ? FrameflowCache.fromEnvironment() : FrameflowCache.at(cacheDir);
    }

    /** The built-in catalog plus the specs given with {@code --catalog}. */
    ModelStore models() {
        ModelCatalog builtIn = ModelCatalog.builtIn();
        List<ModelSpec> specs = new ArrayList<>();
        builtIn.names().forEach(name -> specs.add(builtIn.get(name)));
        for (Path file : extraSpecs) {
            specs.add(ModelSpecLoader.load(file));
        }
        return new ModelStore(ModelCatalog.of(specs), cache());
    }
}
