package io.frameflow.it.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** PostgreSQL's own binaries (from Maven), started as a child process of this JVM. */
final class EmbeddedPostgresServer extends PostgresServer {
    private static final String USER = "postgres";
    private final EmbeddedPostgres server;

    private EmbeddedPostgresServer(EmbeddedPostgres server) {
        this.server = server;
    }

    static EmbeddedPostgresServer launch(Path dataDir) {
        try {
            return new EmbeddedPostgresServer(
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dataDir)
                            .setCleanDataDirectory(true)
                            .start());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the embedded PostgreSQL server in " + dataDir, e);
        }
    }

    @Override
    public String jdbcUrl() {
        return server.getJdbcUrl(USER, "postgres");
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL server", e);
        }
    }
}
