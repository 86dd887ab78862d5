package io.frameflow.sinks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.frameflow.sinks.retry.RetryPolicy;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PostgresSinkOptionsTest {
    private static final String URL = "jdbc:postgresql://db.example:5432/frameflow";

    private static String rejected(Consumer<PostgresSinkOptions.Builder> change) {
        PostgresSinkOptions.Builder builder = PostgresSinkOptions.builder(URL);
        change.accept(builder);
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void defaults() {
        PostgresSinkOptions o = PostgresSinkOptions.builder(URL).build();
        assertEquals("frameflow_", o.tablePrefix());
        assertEquals("frameflow_frames", o.table("frames"));
        assertTrue(o.createTables());
        assertEquals(500, o.batchSize());
        assertEquals(Duration.ofSeconds(10), o.connectTimeout());
        assertEquals(RetryPolicy.DEFAULT, o.retry());
    }

    @Test
    void anInvalidPrefixIsRejectedNamingTheKey() {
        for (String bad : new String[] {"Frames_", "1st_", "my-prefix", "a b", "x;drop", "é_"}) {
            String message = rejected(b -> b.tablePrefix(bad));
            assertTrue(
                    message.startsWith("postgres sink: 'table-prefix' must be lower-case letters"),
                    message);
            assertTrue(message.endsWith("got '" + bad + "'"), message);
        }
        String tooLong = "p".repeat(PostgresSinkOptions.MAX_PREFIX_LENGTH + 1);
        assertTrue(rejected(b -> b.tablePrefix(tooLong)).contains("at most 53 characters"));
        // an empty prefix and the longest one are fine
        PostgresSinkOptions.builder(URL).tablePrefix("").build();
        PostgresSinkOptions.builder(URL)
                .tablePrefix("_" + "x".repeat(PostgresSinkOptions.MAX_PREFIX_LENGTH - 1))
                .build();
    }

    @Test
    void otherBadValuesNameTheirKey() {
        assertEquals(
                "postgres sink: 'url' must be a PostgreSQL JDBC URL,"
                        + " jdbc:postgresql://host:port/database, got 'jdbc:mysql://h/db?…'",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        PostgresSinkOptions.builder(
                                                        "jdbc:mysql://h/db?password=secret")
                                                .build())
                        .getMessage());
        assertTrue(rejected(b -> b.batchSize(0)).startsWith("postgres sink: 'batch-size'"));
        assertTrue(
                rejected(b -> b.connectTimeout(Duration.ofMillis(1500)))
                        .startsWith("postgres sink: 'connect-timeout' must be a whole number"));
        assertTrue(
                rejected(b -> b.socketTimeout(Duration.ZERO))
                        .startsWith("postgres sink: 'socket-timeout'"));
        assertTrue(
                rejected(b -> b.password("x").passwordEnv("PG_PASSWORD"))
                        .startsWith("postgres sink: 'password' and 'password-env' exclude"));
        assertTrue(
                rejected(b -> b.passwordEnv("not a name"))
                        .startsWith("postgres sink: 'password-env' must name"));
        assertTrue(rejected(b -> b.user(" ")).startsWith("postgres sink: 'user'"));
    }

    @Test
    void thePasswordNeverShows() {
        PostgresSinkOptions o =
                PostgresSinkOptions.builder(URL + "?password=hunter2")
                        .user("ff")
                        .password("s3cret")
                        .build();
        assertFalse(o.toString().contains("s3cret"), o.toString());
        assertFalse(o.toString().contains("hunter2"), o.toString());
        assertTrue(o.toString().contains("db.example:5432/frameflow"), o.toString());
    }

    @Test
    void aMissingPasswordVariableIsNamed() {
        PostgresSinkOptions o =
                PostgresSinkOptions.builder(URL)
                        .passwordEnv("FRAMEFLOW_TEST_UNSET_VARIABLE_7F3A")
                        .build();
        IllegalStateException e = assertThrows(IllegalStateException.class, o::resolvePassword);
        assertEquals(
                "postgres sink: environment variable 'FRAMEFLOW_TEST_UNSET_VARIABLE_7F3A' named by"
                        + " 'password-env' is not set on this machine",
                e.getMessage());
    }

    @Test
    void theTargetNamesHostPortAndDatabase() {
        assertEquals("db.example:5432/frameflow", PostgresConnector.target(URL));
        assertEquals(
                "localhost:5432/results",
                PostgresConnector.target("jdbc:postgresql://localhost/results?ssl=true"));
        assertEquals("a:1,b:2/x", PostgresConnector.target("jdbc:postgresql://a:1,b:2/x"));
    }
}
