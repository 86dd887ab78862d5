package io.frameflow.jobs.cli;

import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.jobs.run.Terminal;
import picocli.CommandLine;

/**
 * Entry point of the {@code frameflow} command. {@link #run} is what tests call; {@link #main} only
 * adds logging setup and the process exit status.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        configureLogging();
        System.exit(run(args, Terminal.system()));
    }

    /**
     * Runs one command line; returns the exit status (0 ok, 1 failure, 2 usage/config, 3 failed
     * streams).
     */
    public static int run(String[] args, Terminal terminal) {
        CommandLine cli = new CommandLine(new FrameflowCommand(terminal));
        cli.setExecutionExceptionHandler(new CliErrors(terminal));
        cli.setParameterExceptionHandler(CliErrors::usage);
        try {
            return cli.execute(args);
        } catch (LinkageError | AssertionError | StackOverflowError e) {
            // picocli hands only Exceptions to the handler; keep Errors to one line too
            return CliErrors.fatal(terminal, e);
        }
    }

    /**
     * Sends the full log to {@code <cache>/logs/frameflow.log} and only errors to the console,
     * unless the user configured log4j2 themselves.
     */
    private static void configureLogging() {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:frameflow-log4j2.xml");
        }
        if (System.getProperty("frameflow.log.file") == null) {
            System.setProperty(
                    "frameflow.log.file",
                    FrameflowCache.fromEnvironment()
                            .root()
                            .resolve("logs/frameflow.log")
                            .toString());
        }
    }
}
