package io.frameflow.jobs.run;

import io.frameflow.jobs.assembly.LabelStats;
import io.frameflow.jobs.assembly.ResolvedPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The lines printed when a run ends: what was analysed, what was found, where results are. */
public final class RunReport {
    private static final int LABELS_SHOWN = 5;

    private RunReport() {}

    /** Prints the report of {@code outcome} to {@code terminal}. */
    public static void print(Terminal terminal, ResolvedPipeline pipeline, RunOutcome outcome) {
        if (outcome.state() == RunOutcome.State.FAILED) {
            terminal.error("the job failed: " + rootMessage(outcome.failure()));
        }
        LabelStats stats = outcome.stats();
        double seconds = Math.max(outcome.elapsed().toMillis() / 1000.0, 0.001);
        String how = outcome.state() == RunOutcome.State.STOPPED ? "Stopped after" : "Analysed";
        terminal.result(
                String.format(
                        Locale.ROOT,
                        "%s %d frames from %d stream%s in %.1f s (%.1f frames/s); %d damaged,"
                                + " %d dead letters.",
                        how,
                        stats.frames(),
                        pipeline.streams().size(),
                        pipeline.streams().size() == 1 ? "" : "s",
                        seconds,
                        stats.frames() / seconds,
                        stats.damagedFrames(),
                        outcome.deadLetters()));
        if (stats.frames() > 0) {
            terminal.result("Found: " + found(stats));
        }
        for (String line : outputs(pipeline)) {
            terminal.result("Results: " + line);
        }
        for (String failed : outcome.failedStreams()) {
            terminal.error(failed);
        }
    }

    /** {@code person in 96.4% of frames (5.12 per frame); car in …}, most detections first. */
    static String found(LabelStats stats) {
        List<String> labels = stats.labelsByCount();
        if (labels.isEmpty()) {
            return "nothing";
        }
        List<String> parts = new ArrayList<>();
        for (String label : labels.subList(0, Math.min(LABELS_SHOWN, labels.size()))) {
            parts.add(
                    String.format(
                            Locale.ROOT,
                            "%s in %.1f%% of frames (%.2f per frame)",
                            label,
                            100.0 * stats.framesWith(label) / stats.frames(),
                            (double) stats.detections(label) / stats.frames()));
        }
        String more =
                labels.size() > LABELS_SHOWN
                        ? "; " + (labels.size() - LABELS_SHOWN) + " more labels"
                        : "";
        return String.join("; ", parts) + more;
    }

    /** The committed result files of each JSON Lines sink, and the other sinks' descriptions. */
    private static List<String> outputs(ResolvedPipeline pipeline) {
        List<String> lines = new ArrayList<>();
        for (Path dir : pipeline.resultDirectories()) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                        .sorted()
                        .forEach(f -> lines.add(f.toString()));
            } catch (IOException e) {
                lines.add(dir + " (cannot list: " + e.getMessage() + ")");
            }
        }
        // the other sinks as described when the pipeline was resolved: topics, tables, video
        pipeline.outputs().stream().filter(o -> !o.endsWith(".jsonl")).forEach(lines::add);
        return lines;
    }

    /** The message of the first cause that is not one of Flink's wrappers. */
    static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (!t.getClass().getName().startsWith("org.apache.flink.") && t.getMessage() != null) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return String.valueOf(failure);
    }
}
