package io.frameflow.inference.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Downloads Maven artifacts with {@code mvn dependency:copy}, the ordinary Maven client, so that
 * the user's Maven settings (mirror, proxy, credentials, local repository) apply.
 */
final class MavenClient {
    private final String searchPath;

    /** A client that finds {@code mvn} on this process's {@code PATH}. */
    MavenClient() {
        this(ExternalTool.systemPath());
    }

    /** A client that finds {@code mvn} on the given search path. */
    MavenClient(String searchPath) {
        this.searchPath = searchPath;
    }

    /**
     * Copies the artifact's jar into {@code destDir}, which must be empty.
     *
     * @return the jar written
     */
    Path copy(MavenArtifact artifact, Path destDir) {
        ExternalTool mvn = ExternalTool.locate("mvn", searchPath, "install Apache Maven");
        ToolResult result =
                mvn.run(
                        destDir,
                        List.of(
                                "-B",
                                "-q",
                                "dependency:copy",
                                "-Dartifact=" + artifact.coordinates() + ":jar",
                                "-DoutputDirectory=" + destDir));
        if (!result.succeeded()) {
            throw new FetchException(
                    "mvn dependency:copy "
                            + artifact.coordinates()
                            + " failed: "
                            + errorLine(result));
        }
        return jarIn(destDir, artifact);
    }

    /** Maven prints its errors on standard output, prefixed with {@code [ERROR]}. */
    private static String errorLine(ToolResult result) {
        return result.stdout()
                .lines()
                .filter(line -> line.startsWith("[ERROR]") && line.length() > 8)
                .map(line -> line.substring(8).strip())
                .findFirst()
                .orElseGet(result::lastLine);
    }

    private static Path jarIn(Path dir, MavenArtifact artifact) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars =
                    files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
            if (jars.size() != 1) {
                throw new FetchException(
                        "mvn dependency:copy "
                                + artifact.coordinates()
                                + " succeeded but left "
                                + jars.size()
                                + " jars in "
                                + dir);
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
