package io.frameflow.it.postgres;

import io.frameflow.it.docker.DockerEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A real PostgreSQL server for tests: a Testcontainers container where a Docker engine runs,
 * otherwise an embedded server (the official PostgreSQL binaries, unpacked and started as a child
 * process). Neither is a mock. {@code FRAMEFLOW_IT_POSTGRES=docker|embedded} forces one.
 *
 * <pre>{@code
 * try (PostgresServer pg = PostgresServer.start(tempDir)) {
 *     String url = pg.jdbcUrl();  // jdbc:postgresql://localhost:PORT/postgres
 *     try (Connection c = pg.connect()) { ... }
 * }
 * }</pre>
 */
public abstract class PostgresServer implements AutoCloseable {
    /** The image used where Docker runs: the same major version as the embedded binaries. */
    public static final String DOCKER_IMAGE = "postgres:17";

    /**
     * Starts a server of the kind this machine supports.
     *
     * @param dataDir where an embedded server keeps its data (a fresh directory per server)
     */
    public static PostgresServer start(Path dataDir) {
        String forced = System.getenv().getOrDefault("FRAMEFLOW_IT_POSTGRES", "");
        return switch (forced.toLowerCase(Locale.ROOT)) {
            case "docker" -> ContainerPostgresServer.launch();
            case "embedded" -> EmbeddedPostgresServer.launch(dataDir);
            case "" ->
                    DockerEngine.available()
                            ? ContainerPostgresServer.launch()
                            : EmbeddedPostgresServer.launch(dataDir);
            default ->
                    throw new IllegalArgumentException(
                            "FRAMEFLOW_IT_POSTGRES='" + forced + "': use docker or embedded");
        };
    }

    /** The JDBC URL of the server's default database. */
    public abstract String jdbcUrl();

    public abstract String user();

    public abstract String password();

    /** How this server runs, for test logs: {@code docker} or {@code embedded}. */
    public abstract String kind();

    /** A new connection to the default database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    @Override
    public abstract void close();
}
