package io.frameflow.inference.fetch;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry client run as a child process ({@code npm}, {@code apt-get}, {@code dpkg-deb}). The
 * executable is looked up on a given search path, so that a missing tool is reported by name with a
 * hint on how to install it instead of as an anonymous {@code IOException}.
 */
final class ExternalTool {
    private final String name;
    private final Path executable;

    private ExternalTool(String name, Path executable) {
        this.name = name;
        this.executable = executable;
    }

    /**
     * Finds {@code name} on {@code searchPath} (directories separated by the platform's path
     * separator, as in {@code PATH}).
     *
     * @throws FetchException {@code <name> not found on PATH: <installHint>}
     */
    static ExternalTool locate(String name, String searchPath, String installHint) {
        if (searchPath != null) {
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new ExternalTool(name, candidate);
                }
            }
        }
        throw new FetchException(name + " not found on PATH: " + installHint);
    }

    /** The search path of this process. */
    static String systemPath() {
        return System.getenv("PATH");
    }

    String name() {
        return name;
    }

    /** Runs the tool to completion in {@code workDir}, capturing its output. */
    ToolResult run(Path workDir, List<String> args) {
        Path logs = createLogDir();
        try {
            Process process = processBuilder(workDir, args, logs).start();
            int exitCode = waitFor(process);
            return new ToolResult(
                    exitCode, readText(logs.resolve("stdout")), readText(logs.resolve("stderr")));
        } catch (IOException e) {
            throw new FetchException("failed to run " + name + " " + String.join(" ", args), e);
        } finally {
            deleteLogs(logs);
        }
    }

    /**
     * Starts the tool with its standard output as a stream. Closing the stream reads the rest of
     * the output, waits for the tool and fails if it exited with an error.
     */
    InputStream stream(Path workDir, List<String> args) {
        Path logs = createLogDir();
        ProcessBuilder builder = processBuilder(workDir, args, logs);
        builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteLogs(logs);
            throw new FetchException("failed to run " + name + " " + String.join(" ", args), e);
        }
        return new ToolOutput(process, logs, String.join(" ", args));
    }

    /** A running tool's standard output; closing it checks how the tool ended. */
    private final class ToolOutput extends FilterInputStream {
        private final Process process;
        private final Path logs;
        private final String args;
        private boolean closed;

        ToolOutput(Process process, Path logs, String args) {
            super(process.getInputStream());
            this.process = process;
            this.logs = logs;
            this.args = args;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                // Read what the tool writes after the part we wanted, so that it can exit normally.
                in.transferTo(OutputStream.nullOutputStream());
                super.close();
                int exitCode = waitFor(process);
                if (exitCode != 0) {
                    String stderr = readText(logs.resolve("stderr"));
                    throw new FetchException(
                            name
                                    + " "
                                    + args
                                    + " failed with exit code "
                                    + exitCode
                                    + ": "
                                    + new ToolResult(exitCode, "", stderr).lastLine());
                }
            } finally {
                process.destroy();
                deleteLogs(logs);
            }
        }
    }

    private ProcessBuilder processBuilder(Path workDir, List<String> args, Path logs) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(logs.resolve("stdout").toFile());
        builder.redirectError(logs.resolve("stderr").toFile());
        return builder;
    }

    private int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting for " + name, e);
        }
    }

    private static Path createLogDir() {
        try {
            return Files.createTempDirectory("frameflow-tool-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    private static String readText(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void deleteLogs(Path logs) {
        TreeDeleter.deleteQuietly(logs);
    }
}
