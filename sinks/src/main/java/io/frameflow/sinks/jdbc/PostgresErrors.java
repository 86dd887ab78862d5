package io.frameflow.sinks.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Which failures of a write are worth another attempt on a fresh connection. */
final class PostgresErrors {
    private PostgresErrors() {}

    /**
     * True for a lost or refused connection (SQLState class 08), a server shutting down or not yet
     * accepting connections (57P01-57P03), too many connections or other lack of resources (class
     * 53), and a transaction the server rolled back for a serialization failure or deadlock (class
     * 40). False for everything else: bad SQL, a missing table, failed authentication, a
     * constraint; those fail the same way on every attempt.
     */
    static boolean retryable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql instanceof SQLTransientException
                        || sql instanceof SQLRecoverableException) {
                    return true;
                }
                String state = sql.getSQLState();
                if (state != null) {
                    return state.startsWith("08")
                            || state.startsWith("40")
                            || state.startsWith("53")
                            || state.equals("57P01")
                            || state.equals("57P02")
                            || state.equals("57P03");
                }
            }
        }
        return false;
    }
}
