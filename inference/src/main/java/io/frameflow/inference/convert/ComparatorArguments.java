package io.frameflow.inference.convert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parsed command line of {@link OnnxOutputComparator}. */
record ComparatorArguments(
        Path modelA,
        Path modelB,
        Optional<Path> image,
        int threads,
        int runs,
        long seed,
        int size) {
    static final String USAGE =
            "usage: OnnxOutputComparator [--threads N] [--runs N] [--seed N] [--size N] A.onnx"
                    + " B.onnx [image]";

    static ComparatorArguments parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        Map<String, Long> options =
                new HashMap<>(Map.of("--threads", 1L, "--runs", 20L, "--seed", 42L, "--size", 0L));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
            } else if (!options.containsKey(arg)) {
                throw new IllegalArgumentException(
                        "unknown option "
                                + arg
                                + "; valid: --threads, --runs, --seed, --size; "
                                + USAGE);
            } else if (i + 1 == args.size()) {
                throw new IllegalArgumentException(arg + " needs a value; " + USAGE);
            } else {
                options.put(arg, number(arg, args.get(++i)));
            }
        }
        int threads = Math.toIntExact(options.get("--threads"));
        int runs = Math.toIntExact(options.get("--runs"));
        long seed = options.get("--seed");
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
                seed,
                Math.toIntExact(options.get("--size")));
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
