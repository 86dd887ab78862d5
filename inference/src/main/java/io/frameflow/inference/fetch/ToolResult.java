package io.frameflow.inference.fetch;

import java.util.List;
import java.util.function.Predicate;

/** What a finished {@link ExternalTool} run printed and how it exited. */
record ToolResult(int exitCode, String stdout, String stderr) {

    boolean succeeded() {
        return exitCode == 0;
    }

    /** The first stderr line that passes the filter, else the last non-blank stderr line. */
    String errorLine(Predicate<String> informative) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(informative).findFirst().orElseGet(this::lastLine);
    }

    /** The last non-blank stderr line, or a note that there was none. */
    String lastLine() {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "(no error output)" : lines.get(lines.size() - 1);
    }
}
