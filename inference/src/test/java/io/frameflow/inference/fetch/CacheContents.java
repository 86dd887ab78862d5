package io.frameflow.inference.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a cache directory holds besides its lock files, for asserting that nothing was left. */
public final class CacheContents {
    private CacheContents() {}

    /** Every path under {@code root} except the {@code locks} directory and its lock files. */
    public static List<String> withoutLocks(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString())
                    .filter(p -> !p.equals("locks") && !p.startsWith("locks/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
