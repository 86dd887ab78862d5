package io.frameflow.it.postgres;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container, where a Docker engine is reachable. */
final class ContainerPostgresServer extends PostgresServer {
    private final PostgreSQLContainer container;

    private ContainerPostgresServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgresServer launch() {
        PostgreSQLContainer container = new PostgreSQLContainer(DOCKER_IMAGE);
        container.start();
        return new ContainerPostgresServer(container);
    }

    @Override
    public String jdbcUrl() {
        return container.getJdbcUrl();
    }

    @Override
    public String user() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public void close() {
        container.stop();
    }
}
