package io.frameflow.it.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {
    @TempDir Path dir;

    @Test
    void startsARealServerThatStoresRows() throws Exception {
        try (PostgresServer pg = PostgresServer.start(dir.resolve("pg"))) {
            try (Connection c = pg.connect();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (k text PRIMARY KEY, v int)");
                s.execute("INSERT INTO t VALUES ('a', 1) ON CONFLICT (k) DO UPDATE SET v = 2");
                s.execute("INSERT INTO t VALUES ('a', 1) ON CONFLICT (k) DO UPDATE SET v = 2");
                try (ResultSet r = s.executeQuery("SELECT v, version() FROM t")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getInt(1)).isEqualTo(2);
                    assertThat(r.getString(2)).startsWith("PostgreSQL 17");
                }
            }
            assertThat(pg.jdbcUrl()).startsWith("jdbc:postgresql://");
        }
    }
}
