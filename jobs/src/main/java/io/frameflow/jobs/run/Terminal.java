package io.frameflow.jobs.run;

import java.io.PrintStream;

/**
 * What the command line prints: steps and progress on stderr (a progress line rewrites itself on a
 * terminal and is printed every {@value #PLAIN_PROGRESS_SECONDS} s into logs and pipes), results on
 * stdout, errors as one line each on stderr.
 */
public final class Terminal {
    static final int PLAIN_PROGRESS_SECONDS = 10;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private boolean progressShown;
    private long lastPlainProgress;

    public Terminal(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** A terminal on the process's streams; interactive when a console is attached. */
    public static Terminal system() {
        return new Terminal(System.out, System.err, System.console() != null);
    }

    /** A step of long work, e.g. a download. */
    public synchronized void step(String message) {
        endProgress();
        err.println("· " + message);
    }

    /** The current progress; replaces the previous progress line. */
    public synchronized void progress(String line) {
        if (interactive) {
            err.print("\r" + line + "\033[K");
            err.flush();
            progressShown = true;
        } else {
            long now = System.nanoTime();
            if (lastPlainProgress == 0
                    || now - lastPlainProgress >= PLAIN_PROGRESS_SECONDS * 1_000_000_000L) {
                err.println(line);
                lastPlainProgress = now;
            }
        }
    }

    /** A line of the final report (stdout). */
    public synchronized void result(String line) {
        endProgress();
        out.println(line);
        out.flush();
    }

    /** One error line (stderr), prefixed with {@code frameflow: error:}. */
    public synchronized void error(String message) {
        endProgress();
        err.println("frameflow: error: " + message);
        err.flush();
    }

    private void endProgress() {
        if (progressShown) {
            err.println();
            progressShown = false;
        }
    }
}
