package io.frameflow.inference.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes directory trees (downloads that failed, stale temporary directories). */
public final class TreeDeleter {
    private TreeDeleter() {}

    /** Deletes a file or a directory tree; a path that does not exist is fine. */
    public static void delete(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(
                    root,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            Files.deleteIfExists(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                                throws IOException {
                            if (failure != null && !(failure instanceof NoSuchFileException)) {
                                throw failure;
                            }
                            Files.deleteIfExists(dir);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /**
     * Deletes a tree where a failure to delete must not hide the error that is already being
     * reported (cleanup in a {@code finally} block).
     */
    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (UncheckedIOException ignored) {
            // Only for our own temporary files while another outcome is being reported: a
            // leftover temporary file must not replace that outcome.
        }
    }
}
