package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An MQTT broker: track events (and window results, frame results when asked) on per-stream topics
 * (docs/sinks.md, MQTT). Needs tracking.
 *
 * @param broker {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param username the user name, if the broker wants one
 * @param password the password
 * @param prefix topic prefix (default {@code frameflow/<pipeline name>})
 * @param qos 0, 1 (default) or 2
 * @param windows publish window results too (default true)
 * @param results publish every frame result too (default false)
 * @param connectTimeout how long a connection attempt may take (default 10s)
 * @param keepAlive MQTT keep-alive interval (default 30s)
 * @param ackTimeout a message unacknowledged this long counts as a lost connection (default 30s)
 * @param maxInFlight messages published and not yet acknowledged, at most (default 1000)
 * @param clientId client id prefix (default {@code frameflow-<pipeline name>})
 * @param retry reconnects while the broker cannot be reached
 */
public record MqttSinkSpec(
        @JsonProperty("broker") String broker,
        @JsonProperty("username") String username,
        @JsonProperty("password") String password,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("qos") Integer qos,
        @JsonProperty("windows") Boolean windows,
        @JsonProperty("results") Boolean results,
        @JsonProperty("connect-timeout") DurationValue connectTimeout,
        @JsonProperty("keep-alive") DurationValue keepAlive,
        @JsonProperty("ack-timeout") DurationValue ackTimeout,
        @JsonProperty("max-in-flight") Integer maxInFlight,
        @JsonProperty("client-id") String clientId,
        @JsonProperty("retry") RetrySpec retry) {}
