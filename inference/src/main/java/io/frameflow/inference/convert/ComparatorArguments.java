package io.frameflow.inference.convert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parsed command line of {@link OnnxOutputComparator}. */
record ComparatorArguments(
        Path modelA, Path modelB, Optional<Path> image, int threads, int runs, long seed) {
    static final String USAGE =
            "usage: OnnxOutputComparator [--threads N] [--runs N] [--seed N] A.onnx B.onnx [image]";

    static ComparatorArguments parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        int threads = 1;
        int runs = 20;
        long seed = 42;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException(arg + " needs a value; " + USAGE);
            }
            String value = args.get(++i);
            switch (arg) {
                case "--threads":
                    threads = (int) number(arg, value);
                    break;
                case "--runs":
                    runs = (int) number(arg, value);
                    break;
                case "--seed":
                    seed = number(arg, value);
                    break;
                default:
                    throw new IllegalArgumentException(
                            "unknown option "
                                    + arg
                                    + "; valid: --threads, --runs, --seed; "
                                    + USAGE);
            }
        }
        if (positional.size() < 2 || positional.size() > 3) {
            throw new IllegalArgumentException(
                    "expected 2 or 3 paths, got " + positional.size() + "; " + USAGE);
        }
        return new ComparatorArguments(
                Path.of(positional.get(0)),
                Path.of(positional.get(1)),
                positional.size() == 3 ? Optional.of(Path.of(positional.get(2))) : Optional.empty(),
                threads,
                runs,
                seed);
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    key + " must be an integer, got '" + value + "'; " + USAGE, e);
        }
    }
}
