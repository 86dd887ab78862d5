package io.frameflow.inference.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Downloads npm package tarballs with {@code npm pack}, the registry's own client, so that the
 * user's npm configuration (registry mirror, proxy, auth, cache) applies.
 */
final class NpmClient {
    private final String searchPath;

    /** A client that finds {@code npm} on this process's {@code PATH}. */
    NpmClient() {
        this(ExternalTool.systemPath());
    }

    /** A client that finds {@code npm} on the given search path. */
    NpmClient(String searchPath) {
        this.searchPath = searchPath;
    }

    /**
     * Packs {@code pkg} into {@code destDir}, which must be empty.
     *
     * @return the tarball written
     */
    Path pack(NpmPackage pkg, Path destDir) {
        ExternalTool npm = ExternalTool.locate("npm", searchPath, "install Node.js and npm");
        ToolResult result =
                npm.run(
                        destDir,
                        List.of(
                                "pack",
                                pkg.coordinates(),
                                "--pack-destination",
                                destDir.toString(),
                                "--ignore-scripts",
                                "--no-fund",
                                "--no-audit"));
        if (!result.succeeded()) {
            throw new FetchException(
                    "npm pack "
                            + pkg.coordinates()
                            + " failed: "
                            + result.errorLine(NpmClient::isInformative));
        }
        return tarballIn(destDir, pkg);
    }

    /** Skips npm's bookkeeping lines (error code, log location, warnings) for the real cause. */
    private static boolean isInformative(String line) {
        return line.startsWith("npm error")
                && !line.startsWith("npm error code")
                && !line.contains("A complete log of this run");
    }

    private static Path tarballIn(Path dir, NpmPackage pkg) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> tarballs =
                    files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
            if (tarballs.size() != 1) {
                throw new FetchException(
                        "npm pack "
                                + pkg.coordinates()
                                + " succeeded but left "
                                + tarballs.size()
                                + " tarballs in "
                                + dir);
            }
            return tarballs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
