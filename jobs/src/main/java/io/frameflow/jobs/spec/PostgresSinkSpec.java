package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * PostgreSQL tables of frame results, detections, window results and track events, written as
 * idempotent upserts (docs/sinks.md, PostgreSQL).
 *
 * @param url {@code jdbc:postgresql://host:port/database}
 * @param user the database user
 * @param password the password; prefer {@code password-env}
 * @param passwordEnv the environment variable that holds the password
 * @param tablePrefix prefix of the table names (default {@code frameflow_})
 * @param createTables create missing tables at startup (default true)
 * @param batchSize rows buffered before a write (default 500)
 * @param connectTimeout how long a connection attempt may take (default 10s)
 * @param socketTimeout how long a statement may wait for the server (default 60s)
 * @param retry retries while the database cannot be reached
 */
public record PostgresSinkSpec(
        @JsonProperty("url") String url,
        @JsonProperty("user") String user,
        @JsonProperty("password") String password,
        @JsonProperty("password-env") String passwordEnv,
        @JsonProperty("table-prefix") String tablePrefix,
        @JsonProperty("create-tables") Boolean createTables,
        @JsonProperty("batch-size") Integer batchSize,
        @JsonProperty("connect-timeout") DurationValue connectTimeout,
        @JsonProperty("socket-timeout") DurationValue socketTimeout,
        @JsonProperty("retry") RetrySpec retry) {}
