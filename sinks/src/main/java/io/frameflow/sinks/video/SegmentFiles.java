package io.frameflow.sinks.video;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a stream's video files live and how they are named: {@code <path>/<stream>/<stream>-<first
 * seq>.mp4}, written as the hidden {@code .<stream>-<first seq>.mp4.inprogress} beside it and
 * renamed once complete. A final name is never overwritten: a file that starts at the same frame as
 * an existing one (a restart that resumed exactly there) becomes {@code <stream>-<seq>.1.mp4}, then
 * {@code .2.mp4}, and so on.
 */
final class SegmentFiles {
    static final String SUFFIX = ".mp4";
    static final String IN_PROGRESS = ".inprogress";

    private SegmentFiles() {}

    /**
     * The directory of {@code streamId}'s files under {@code root}.
     *
     * @throws VideoSinkException when the id cannot be a directory name
     */
    static Path directory(Path root, String streamId) throws VideoSinkException {
        if (streamId.isEmpty()
                || streamId.equals(".")
                || streamId.equals("..")
                || streamId.indexOf('/') >= 0
                || streamId.indexOf('\\') >= 0
                || streamId.indexOf('\0') >= 0) {
            throw new VideoSinkException(
                    "video sink: stream id '"
                            + streamId
                            + "' cannot name a directory under "
                            + root
                            + "; stream ids for video must not be '.', '..' or contain '/'");
        }
        return root.resolve(streamId);
    }

    /** The final name of the file that starts at frame {@code seq}. */
    static String finalName(String streamId, long seq) {
        return streamId + "-" + seq + SUFFIX;
    }

    /** The hidden name the file has while it is written. */
    static String inProgressName(String streamId, long seq) {
        return "." + finalName(streamId, seq) + IN_PROGRESS;
    }

    /**
     * Renames the completed {@code inProgress} file to its final name (or the first free one with a
     * number) and returns that.
     */
    static Path commit(Path inProgress, String streamId, long seq) throws IOException {
        Path dir = inProgress.getParent();
        Path target = dir.resolve(finalName(streamId, seq));
        for (int n = 1; Files.exists(target); n++) {
            target = dir.resolve(streamId + "-" + seq + "." + n + SUFFIX);
        }
        // a rename within one directory: atomic, so readers see nothing or the whole file
        return Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes the in-progress files an earlier attempt of the job left in {@code dir} (a task that
     * died before it could close them) and returns how many. Only the task that owns a stream
     * writes into its directory, so none of them is still being written.
     */
    static int removeAbandoned(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*" + IN_PROGRESS)) {
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(SUFFIX + IN_PROGRESS)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
