package io.frameflow.sinks.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests (zonky's embedded binaries), with a {@code frameflow}
 * database. It can be stopped and started again on the same port and data directory, to take the
 * database away from a running writer.
 */
final class PostgresServer implements AutoCloseable {
    static final String DATABASE = "frameflow";

    private final Path dataDirectory;
    private final int port;
    private final Map<String, String> config;
    private EmbeddedPostgres server;

    private PostgresServer(
            Path dataDirectory, Map<String, String> config, EmbeddedPostgres server) {
        this.dataDirectory = dataDirectory;
        this.config = config;
        this.server = server;
        this.port = server.getPort();
    }

    static PostgresServer start() throws IOException, SQLException {
        return start(Map.of());
    }

    /** A server with these {@code postgresql.conf} settings, e.g. {@code fsync=off}. */
    static PostgresServer start(Map<String, String> config) throws IOException, SQLException {
        Path data = Files.createTempDirectory("frameflow-pg");
        PostgresServer pg = new PostgresServer(data, config, launch(data, 0, config));
        try (Connection c = pg.server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        return pg;
    }

    private static EmbeddedPostgres launch(Path data, int port, Map<String, String> config)
            throws IOException {
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        // kept, so that a restart finds the tables written before it
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(true);
        if (port > 0) {
            builder.setPort(port);
        }
        config.forEach(builder::setServerConfig);
        return builder.start();
    }

    int port() {
        return port;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Options for this server, with short timeouts and a quick retry policy. */
    PostgresSinkOptions.Builder options() {
        return PostgresSinkOptions.builder(url()).user("postgres");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    /** Stops the server; clients see their connections closed and new ones refused. */
    void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again on the same port and data. */
    void restart() throws IOException {
        if (server == null) {
            server = launch(dataDirectory, port, config);
        }
    }

    /** Every row of {@code sql}, each as a list of its columns' values as text. */
    List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    long count(String table) throws SQLException {
        return Long.parseLong(rows("SELECT count(*) FROM " + table).get(0).get(0));
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
