package io.frameflow.sinks.jdbc;

import java.io.IOException;

/**
 * The PostgreSQL sink cannot do its work: the server is unreachable, a table is missing or
 * malformed, or a write failed for good. The message names the sink, the server ({@code
 * host:port/database}) or table, and the cause; it never holds the password.
 */
public final class PostgresSinkException extends IOException {
    public PostgresSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
