package io.frameflow.jobs.cli;

import picocli.CommandLine.Option;

/** The options every benchmark command shares: inference threads and interleaved rounds. */
final class BenchRounds {

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Inference threads (default: the number of cores).")
    Integer threads;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Runs of each variant, interleaved (default: ${DEFAULT-VALUE}).")
    int rounds;

    /**
     * The inference threads to use.
     *
     * @throws IllegalArgumentException naming the option if a value is out of range
     */
    int threads() {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be >= 1");
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) {
            throw new IllegalArgumentException("--threads: " + t + " must be >= 1");
        }
        return t;
    }
}
