package io.frameflow.inference.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Downloads Debian packages with {@code apt-get download} and reads their contents through {@code
 * dpkg-deb --fsys-tarfile}, which handles every compression a .deb may use (xz, zstd, gzip) on both
 * Debian and Ubuntu.
 */
final class AptClient {
    private static final String APT_HINT =
            "Debian packages are fetched with apt, which needs a Debian or Ubuntu system";

    private final String searchPath;
    private final List<String> aptOptions;

    /** A client that uses the system's apt configuration and {@code PATH}. */
    AptClient() {
        this(ExternalTool.systemPath(), List.of());
    }

    /**
     * @param aptOptions extra {@code -o key=value} settings for apt, e.g. another lists directory
     */
    AptClient(String searchPath, List<String> aptOptions) {
        this.searchPath = searchPath;
        this.aptOptions = List.copyOf(aptOptions);
    }

    /**
     * Downloads {@code pkg} into {@code destDir}, which must be empty.
     *
     * @return the .deb written
     */
    Path download(DebianPackage pkg, Path destDir) {
        ExternalTool apt = ExternalTool.locate("apt-get", searchPath, APT_HINT);
        List<String> args = new ArrayList<>(optionArgs());
        args.add("download");
        args.add(pkg.aptArgument());
        ToolResult result = apt.run(destDir, args);
        if (!result.succeeded()) {
            throw new FetchException(downloadFailure(pkg, result));
        }
        return debIn(destDir, pkg);
    }

    /**
     * The data archive of a .deb as an uncompressed tar stream. Closing the stream waits for {@code
     * dpkg-deb} and fails if it reported an error.
     */
    InputStream dataTar(Path deb) {
        ExternalTool dpkgDeb = ExternalTool.locate("dpkg-deb", searchPath, "install dpkg");
        return dpkgDeb.stream(deb.getParent(), List.of("--fsys-tarfile", deb.toString()));
    }

    private String downloadFailure(DebianPackage pkg, ToolResult result) {
        String cause = result.errorLine(line -> line.startsWith("E:"));
        if (packageListsMissing()) {
            return "apt-get download "
                    + pkg.aptArgument()
                    + " failed: "
                    + cause
                    + "; apt has no package lists: run 'sudo apt-get update'";
        }
        return "apt-get download "
                + pkg.aptArgument()
                + " failed: "
                + cause
                + " (if the package exists, the package lists may be stale: run 'sudo apt-get"
                + " update')";
    }

    /** Whether apt's lists directory holds no Packages index at all (never updated). */
    private boolean packageListsMissing() {
        ExternalTool aptConfig = ExternalTool.locate("apt-config", searchPath, APT_HINT);
        List<String> args = new ArrayList<>(optionArgs());
        args.addAll(List.of("shell", "LISTS", "Dir::State::Lists/d"));
        ToolResult result = aptConfig.run(Path.of(System.getProperty("java.io.tmpdir")), args);
        String out = result.stdout().strip();
        if (!result.succeeded() || !out.startsWith("LISTS='") || !out.endsWith("'")) {
            return false;
        }
        Path lists = Path.of(out.substring("LISTS='".length(), out.length() - 1));
        try (Stream<Path> files = Files.list(lists)) {
            return files.noneMatch(f -> f.getFileName().toString().contains("_Packages"));
        } catch (IOException e) {
            // An unreadable or absent lists directory is what "never updated" looks like here.
            return true;
        }
    }

    private List<String> optionArgs() {
        List<String> args = new ArrayList<>();
        for (String option : aptOptions) {
            args.add("-o");
            args.add(option);
        }
        return args;
    }

    private static Path debIn(Path dir, DebianPackage pkg) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> debs =
                    files.filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
            if (debs.size() != 1) {
                throw new FetchException(
                        "apt-get download "
                                + pkg.aptArgument()
                                + " succeeded but left "
                                + debs.size()
                                + " .deb files in "
                                + dir);
            }
            return debs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
