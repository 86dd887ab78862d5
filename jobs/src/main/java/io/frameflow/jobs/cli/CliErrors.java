package io.frameflow.jobs.cli;

import io.frameflow.inference.catalog.ModelNotCachedException;
import io.frameflow.inference.catalog.UnknownModelException;
import io.frameflow.inference.convert.ModelConversionException;
import io.frameflow.inference.fetch.FetchException;
import io.frameflow.inference.spec.ModelSpecException;
import io.frameflow.jobs.run.Terminal;
import io.frameflow.jobs.spec.PipelineSpecException;
import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr and an exit status: 2 for problems the user can fix in
 * their input (a bad pipeline file, an unknown model, a download that does not verify), 1 for
 * everything else (the full stack trace is in the log file).
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private final Terminal terminal;

    CliErrors(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(
            Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (isBadInput(e)) {
            terminal.error(e.getMessage());
            return BAD_INPUT;
        }
        return fatal(terminal, e);
    }

    /** Logs {@code e} with its stack trace to the log file and prints one line. */
    static int fatal(Terminal terminal, Throwable e) {
        org.slf4j.LoggerFactory.getLogger(CliErrors.class).error("command failed", e);
        String log = System.getProperty("frameflow.log.file");
        terminal.error(
                (e.getMessage() == null ? e.toString() : e.getMessage())
                        + (log == null ? "" : " (details: " + log + ")"));
        return FAILED;
    }

    static boolean isBadInput(Exception e) {
        return e instanceof PipelineSpecException
                || e instanceof UnknownModelException
                || e instanceof ModelNotCachedException
                || e instanceof FetchException
                || e instanceof ModelSpecException
                || e instanceof ModelConversionException
                || e instanceof IllegalArgumentException;
    }

    /** Usage errors: the message and a hint, exit status 2. */
    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("frameflow: error: " + e.getMessage());
        cli.getErr().println("see '" + cli.getCommandSpec().qualifiedName() + " --help'");
        return BAD_INPUT;
    }
}
