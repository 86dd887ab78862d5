package io.frameflow.inference.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publishes a directory completely or not at all: it is filled under a temporary name next to its
 * destination and renamed into place, while a {@link DirectoryLock} keeps other threads and
 * processes from filling the same destination at the same time. Readers therefore see either no
 * directory or a complete one.
 */
public final class AtomicDirectory {

    /** Writes the content of a new entry. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path staging) throws IOException;
    }

    private AtomicDirectory() {}

    /**
     * Makes sure {@code dest} exists and is complete.
     *
     * @param isComplete whether an existing directory is usable; an existing one that is not is
     *     replaced
     * @param filler fills a fresh, empty staging directory; if it throws, the staging directory is
     *     deleted and nothing is published
     * @param onWait called if another thread or process is filling the same destination
     * @return whether this call filled the directory (false: it was already complete)
     */
    public static boolean publish(
            Path dest, Path lockFile, Predicate<Path> isComplete, Filler filler, Runnable onWait) {
        if (isComplete.test(dest)) {
            return false;
        }
        try (DirectoryLock lock = DirectoryLock.acquire(lockFile, onWait)) {
            // Someone else may have finished it while we waited for the lock.
            if (isComplete.test(dest)) {
                return false;
            }
            Files.createDirectories(dest.getParent());
            deleteLeftovers(dest);
            if (Files.exists(dest)) {
                Path trash = sibling(dest, "trash");
                move(dest, trash);
                TreeDeleter.delete(trash);
            }
            Path staging = sibling(dest, "tmp");
            try {
                Files.createDirectory(staging);
                filler.fill(staging);
                move(staging, dest);
            } finally {
                TreeDeleter.delete(staging);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + dest + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes staging and trash directories of this destination that a killed process left. They
     * are never in use: their owner would hold the lock we hold now.
     */
    private static void deleteLeftovers(Path dest) throws IOException {
        Pattern ours =
                Pattern.compile(
                        Pattern.quote("." + dest.getFileName()) + "\\.(tmp|trash)-[0-9a-f-]{36}");
        try (Stream<Path> siblings = Files.list(dest.getParent())) {
            List<Path> leftovers =
                    siblings.filter(p -> ours.matcher(p.getFileName().toString()).matches())
                            .toList();
            for (Path leftover : leftovers) {
                TreeDeleter.delete(leftover);
            }
        }
    }

    private static Path sibling(Path dest, String kind) {
        return dest.resolveSibling("." + dest.getFileName() + "." + kind + "-" + UUID.randomUUID());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "the file system of " + to.getParent() + " cannot rename atomically", e);
        }
    }
}
