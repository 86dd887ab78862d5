package io.frameflow.sinks.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Opens connections for the PostgreSQL sinks and names the server in errors as {@code
 * host:port/database}, never with the password.
 *
 * <p>The driver is called directly rather than through {@code DriverManager}, which only sees
 * drivers of the class loader that registered them and so misses the one in a Flink job's jar.
 */
final class PostgresConnector {
    /** Names the sink in messages and logs. */
    static final String SINK = "postgres sink";

    private static final Driver DRIVER = new Driver();

    private final PostgresSinkOptions options;
    private final String target;

    PostgresConnector(PostgresSinkOptions options) {
        this.options = options;
        this.target = target(options.url());
    }

    /** The server as {@code host:port/database}, e.g. {@code 127.0.0.1:5432/frameflow}. */
    String target() {
        return target;
    }

    /**
     * A new connection with auto-commit off.
     *
     * @throws SQLException as the driver reports it (connection refused, authentication failed);
     *     {@link #cannotConnect} turns it into a message for people
     */
    Connection open() throws SQLException {
        Properties props = new Properties();
        if (options.user() != null) {
            PGProperty.USER.set(props, options.user());
        }
        String password = options.resolvePassword();
        if (password != null) {
            PGProperty.PASSWORD.set(props, password);
        }
        PGProperty.CONNECT_TIMEOUT.set(props, (int) options.connectTimeout().getSeconds());
        PGProperty.LOGIN_TIMEOUT.set(props, (int) options.connectTimeout().getSeconds());
        PGProperty.SOCKET_TIMEOUT.set(props, (int) options.socketTimeout().getSeconds());
        PGProperty.TCP_KEEP_ALIVE.set(props, true);
        PGProperty.APPLICATION_NAME.set(props, "frameflow");
        Connection connection = DRIVER.connect(options.url(), props);
        if (connection == null) {
            // the options accept only jdbc:postgresql:// URLs, which the driver takes
            throw new SQLException("the PostgreSQL driver does not accept the URL of " + target);
        }
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * What went wrong opening a connection, e.g. {@code cannot connect to 127.0.0.1:1/frameflow:
     * Connection refused}.
     */
    String cannotConnect(Exception e) {
        String user = options.user() == null ? "" : " as user '" + options.user() + "'";
        return "cannot connect to " + target + user + ": " + rootMessage(e);
    }

    /** The innermost message of {@code e}: "Connection refused" rather than the driver's advice. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    /** {@code host:port/database} of a URL; hosts joined by ',' when it lists several. */
    static String target(String url) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            return PostgresSinkOptions.redactQuery(url);
        }
        String[] hosts = parsed.getProperty(PGProperty.PG_HOST.getName(), "").split(",");
        String[] ports = parsed.getProperty(PGProperty.PG_PORT.getName(), "").split(",");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hosts.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(hosts[i]).append(':').append(i < ports.length ? ports[i] : ports[0]);
        }
        return out + "/" + parsed.getProperty(PGProperty.PG_DBNAME.getName(), "");
    }
}
