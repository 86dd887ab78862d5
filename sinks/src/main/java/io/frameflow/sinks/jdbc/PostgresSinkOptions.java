package io.frameflow.sinks.jdbc;

import io.frameflow.sinks.retry.RetryPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of the PostgreSQL sinks, as in the {@code postgres:} entry of a pipeline file. The key
 * constants are the entry's key names; every validation message names its key and the value.
 *
 * <p>The password is never logged and never in {@link #toString()}. Give it directly ({@link
 * #PASSWORD}) or as the name of an environment variable ({@link #PASSWORD_ENV}), read where the
 * connection is opened: on the client for {@link PostgresSink#check()}, on each TaskManager for the
 * writers, so the variable must be set there too.
 *
 * @param url {@code jdbc:postgresql://host[:port]/database[?driver-properties]}
 * @param user the database user; null to take it from the URL or the driver's default
 * @param password the password; null for none or with {@code passwordEnv}
 * @param passwordEnv the name of an environment variable holding the password; null for none
 * @param tablePrefix prepended to the table names ({@code frames}, {@code detections}, {@code
 *     windows}, {@code events}): lower-case letters, digits and '_', starting with a letter or '_'
 *     (or empty)
 * @param createTables whether the sink creates missing tables at startup; when false it checks that
 *     they exist with the columns and keys it writes
 * @param batchSize rows buffered by a writer before it writes them in one transaction (it also
 *     writes at every checkpoint and at the end of the input)
 * @param connectTimeout how long opening a connection may take, whole seconds
 * @param socketTimeout how long one statement may wait for the server before the connection counts
 *     as lost (and the write is retried), whole seconds
 * @param retry attempts and backoff for a write that loses its connection
 */
public record PostgresSinkOptions(
        String url,
        String user,
        String password,
        String passwordEnv,
        String tablePrefix,
        boolean createTables,
        int batchSize,
        Duration connectTimeout,
        Duration socketTimeout,
        RetryPolicy retry)
        implements Serializable {
    public static final String URL = "url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String PASSWORD_ENV = "password-env";
    public static final String TABLE_PREFIX = "table-prefix";
    public static final String CREATE_TABLES = "create-tables";
    public static final String BATCH_SIZE = "batch-size";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String SOCKET_TIMEOUT = "socket-timeout";
    public static final String RETRY_MAX_ATTEMPTS = RetryPolicy.MAX_ATTEMPTS;
    public static final String RETRY_INITIAL_BACKOFF = RetryPolicy.INITIAL_BACKOFF;
    public static final String RETRY_MAX_BACKOFF = RetryPolicy.MAX_BACKOFF;

    public static final String DEFAULT_TABLE_PREFIX = "frameflow_";
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int MAX_BATCH_SIZE = 100_000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    /** The URL scheme the sink accepts. */
    public static final String URL_SCHEME = "jdbc:postgresql://";

    /** PostgreSQL truncates names at 63 bytes; the longest table name adds "detections". */
    static final int MAX_PREFIX_LENGTH = 63 - "detections".length();

    private static final Pattern PREFIX = Pattern.compile("([a-z_][a-z0-9_]*)?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public PostgresSinkOptions {
        if (url == null || !url.startsWith(URL_SCHEME) || url.length() == URL_SCHEME.length()) {
            throw invalid(
                    URL,
                    "must be a PostgreSQL JDBC URL, "
                            + URL_SCHEME
                            + "host:port/database, got '"
                            + redactQuery(url)
                            + "'");
        }
        if (user != null && user.isBlank()) {
            throw invalid(USER, "must not be blank; leave it out to take the user from the URL");
        }
        if (password != null && passwordEnv != null) {
            throw invalid(PASSWORD, "and '" + PASSWORD_ENV + "' exclude each other; give only one");
        }
        if (passwordEnv != null && !ENV_NAME.matcher(passwordEnv).matches()) {
            throw invalid(
                    PASSWORD_ENV,
                    "must name an environment variable (letters, digits, '_'), got '"
                            + passwordEnv
                            + "'");
        }
        Objects.requireNonNull(tablePrefix, TABLE_PREFIX);
        if (!PREFIX.matcher(tablePrefix).matches() || tablePrefix.length() > MAX_PREFIX_LENGTH) {
            throw invalid(
                    TABLE_PREFIX,
                    "must be lower-case letters, digits and '_', start with a letter or '_' and"
                            + " be at most "
                            + MAX_PREFIX_LENGTH
                            + " characters (it is part of unquoted SQL table names), got '"
                            + tablePrefix
                            + "'");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw invalid(BATCH_SIZE, "must be in 1.." + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        requireWholeSeconds(CONNECT_TIMEOUT, connectTimeout);
        requireWholeSeconds(SOCKET_TIMEOUT, socketTimeout);
        Objects.requireNonNull(retry, "retry");
    }

    /** Options with the defaults for everything but the URL. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** The table that holds {@code name} ({@code frames}, {@code detections}, …). */
    public String table(String name) {
        return tablePrefix + name;
    }

    /**
     * The password to connect with: {@link #password()}, or the value of {@link #passwordEnv()};
     * null for none.
     *
     * @throws IllegalStateException when the named environment variable is not set here
     */
    String resolvePassword() {
        if (passwordEnv == null) {
            return password;
        }
        String value = System.getenv(passwordEnv);
        if (value == null) {
            throw new IllegalStateException(
                    "postgres sink: environment variable '"
                            + passwordEnv
                            + "' named by '"
                            + PASSWORD_ENV
                            + "' is not set on this machine");
        }
        return value;
    }

    /** Everything but the password, and the URL without its query (which may hold one). */
    @Override
    public String toString() {
        return "PostgresSinkOptions[url="
                + redactQuery(url)
                + ", user="
                + user
                + ", password="
                + (password != null ? "***" : passwordEnv != null ? "$" + passwordEnv : "none")
                + ", tablePrefix="
                + tablePrefix
                + ", createTables="
                + createTables
                + ", batchSize="
                + batchSize
                + ", connectTimeout="
                + connectTimeout
                + ", socketTimeout="
                + socketTimeout
                + ", retry="
                + retry
                + "]";
    }

    static String redactQuery(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    private static void requireWholeSeconds(String key, Duration d) {
        Objects.requireNonNull(d, key);
        if (d.getSeconds() < 1 || d.getNano() != 0 || d.getSeconds() > Integer.MAX_VALUE) {
            // the driver takes these timeouts in whole seconds
            throw invalid(key, "must be a whole number of seconds, at least 1s, got " + d);
        }
    }

    private static IllegalArgumentException invalid(String key, String what) {
        return new IllegalArgumentException("postgres sink: '" + key + "' " + what);
    }

    /** Fluent builder; {@link #build()} validates. */
    public static final class Builder {
        private final String url;
        private String user;
        private String password;
        private String passwordEnv;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private boolean createTables = true;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
        private RetryPolicy retry = RetryPolicy.DEFAULT;

        private Builder(String url) {
            this.url = url;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder passwordEnv(String variable) {
            this.passwordEnv = variable;
            return this;
        }

        public Builder tablePrefix(String prefix) {
            this.tablePrefix = prefix;
            return this;
        }

        public Builder createTables(boolean create) {
            this.createTables = create;
            return this;
        }

        public Builder batchSize(int rows) {
            this.batchSize = rows;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder socketTimeout(Duration timeout) {
            this.socketTimeout = timeout;
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        public PostgresSinkOptions build() {
            return new PostgresSinkOptions(
                    url,
                    user,
                    password,
                    passwordEnv,
                    tablePrefix,
                    createTables,
                    batchSize,
                    connectTimeout,
                    socketTimeout,
                    retry);
        }
    }
}
