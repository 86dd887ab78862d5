package io.frameflow.sinks.mqtt;

import io.frameflow.sinks.retry.RetryPolicy;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings of the MQTT sink, validated when built: every error names its key as written in a
 * pipeline file's {@code mqtt:} sink entry ({@code KEY_*}), the value, and what would be valid.
 * {@link #toString()} never shows the password.
 *
 * @param jobName the job's name: the default topic prefix and client id derive from it
 * @param broker {@code tcp://host[:port]} or {@code ssl://host[:port]}
 * @param username the user name to connect with, or null for none
 * @param password the password, or null for none (only with a user name)
 * @param prefix the topic prefix: topics are {@code <prefix>/<stream>/events|windows|results}
 * @param qos the MQTT quality of service of every message: 0, 1 or 2
 * @param windows whether window results are published too
 * @param results whether per-frame results are published too (large)
 * @param connectTimeout how long one connection attempt may take
 * @param keepAlive the MQTT keep-alive interval; a dead connection is noticed after about 1.5 of it
 * @param ackTimeout how long a message may wait for its acknowledgement before the writer takes the
 *     connection for broken and reconnects
 * @param maxInFlight messages published but not yet acknowledged, per writer, at most
 * @param retry connection attempts in a row after a lost connection, and the waits between them
 * @param clientId the first part of client ids: a writer's id is {@code
 *     <clientId>-<events|windows|results>-<subtask>}
 */
public record MqttSinkOptions(
        String jobName,
        String broker,
        String username,
        String password,
        String prefix,
        int qos,
        boolean windows,
        boolean results,
        Duration connectTimeout,
        Duration keepAlive,
        Duration ackTimeout,
        int maxInFlight,
        RetryPolicy retry,
        String clientId)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String KEY_BROKER = "broker";
    public static final String KEY_USERNAME = "username";
    public static final String KEY_PASSWORD = "password";
    public static final String KEY_PREFIX = "prefix";
    public static final String KEY_QOS = "qos";
    public static final String KEY_WINDOWS = "windows";
    public static final String KEY_RESULTS = "results";
    public static final String KEY_CONNECT_TIMEOUT = "connect-timeout";
    public static final String KEY_KEEP_ALIVE = "keep-alive";
    public static final String KEY_ACK_TIMEOUT = "ack-timeout";
    public static final String KEY_MAX_IN_FLIGHT = "max-in-flight";

    public static final String KEY_RETRY_MAX_ATTEMPTS = RetryPolicy.MAX_ATTEMPTS;
    public static final String KEY_RETRY_INITIAL_BACKOFF = RetryPolicy.INITIAL_BACKOFF;
    public static final String KEY_RETRY_MAX_BACKOFF = RetryPolicy.MAX_BACKOFF;
    public static final String KEY_CLIENT_ID = "client-id";

    public static final int DEFAULT_QOS = 1;
    public static final boolean DEFAULT_WINDOWS = true;
    public static final boolean DEFAULT_RESULTS = false;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;

    public static final RetryPolicy DEFAULT_RETRY = RetryPolicy.DEFAULT;

    /** The MQTT 3.1.1 packet identifier is 16 bits: no more messages can be in flight. */
    public static final int MAX_IN_FLIGHT_LIMIT = 65_535;

    private static final int CLIENT_ID_MAX = 64;

    /**
     * Checks every value and fills the derived defaults: a null {@code prefix} becomes {@code
     * frameflow/<jobName>}, a null {@code clientId} {@code frameflow-<jobName>} (characters other
     * than letters, digits, {@code . _ -} replaced by {@code -}, long names shortened with a hash).
     */
    public MqttSinkOptions {
        if (jobName == null || jobName.isBlank()) {
            throw new IllegalArgumentException("mqtt sink: the job name must not be empty");
        }
        checkBroker(broker);
        if (username != null && username.isEmpty()) {
            throw error(KEY_USERNAME, "must not be empty; leave it out to connect without one");
        }
        if (password != null && username == null) {
            throw error(KEY_PASSWORD, "is set without '" + KEY_USERNAME + "'");
        }
        if (prefix == null) {
            prefix = "frameflow/" + jobName;
            String problem = MqttTopics.prefixProblem(prefix);
            if (problem != null) {
                throw error(
                        KEY_PREFIX,
                        "the default '"
                                + prefix
                                + "' (from the job name) is not a valid topic prefix: "
                                + problem
                                + "; set '"
                                + KEY_PREFIX
                                + "'");
            }
        } else {
            String problem = MqttTopics.prefixProblem(prefix);
            if (problem != null) {
                throw error(KEY_PREFIX, "'" + prefix + "' is not a valid topic prefix: " + problem);
            }
        }
        if (qos < 0 || qos > 2) {
            throw error(KEY_QOS, "must be 0, 1 or 2, got " + qos);
        }
        checkPositive(KEY_CONNECT_TIMEOUT, connectTimeout);
        checkPositive(KEY_KEEP_ALIVE, keepAlive);
        checkPositive(KEY_ACK_TIMEOUT, ackTimeout);
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT_LIMIT) {
            throw error(
                    KEY_MAX_IN_FLIGHT,
                    "must be 1 to " + MAX_IN_FLIGHT_LIMIT + ", got " + maxInFlight);
        }
        Objects.requireNonNull(retry, "retry");
        if (clientId == null) {
            clientId = derivedClientId(jobName);
        } else if (!clientId.matches("[A-Za-z0-9._-]{1," + CLIENT_ID_MAX + "}")) {
            throw error(
                    KEY_CLIENT_ID,
                    "'"
                            + clientId
                            + "' must be 1 to "
                            + CLIENT_ID_MAX
                            + " letters, digits, '.', '_', '-'");
        }
    }

    /** Starts a builder with the defaults ({@code DEFAULT_*}). */
    public static Builder builder(String jobName, String broker) {
        return new Builder(jobName, broker);
    }

    /** The client id of one writer: unique per subtask and channel, the same after a restart. */
    public String clientIdFor(String channel, int subtask) {
        return clientId + "-" + channel + "-" + subtask;
    }

    @Override
    public String toString() {
        return "MqttSinkOptions[broker="
                + broker
                + ", username="
                + username
                + ", password="
                + (password == null ? "none" : "***")
                + ", prefix="
                + prefix
                + ", qos="
                + qos
                + ", windows="
                + windows
                + ", results="
                + results
                + ", connectTimeout="
                + connectTimeout
                + ", keepAlive="
                + keepAlive
                + ", ackTimeout="
                + ackTimeout
                + ", maxInFlight="
                + maxInFlight
                + ", retry="
                + retry
                + ", clientId="
                + clientId
                + "]";
    }

    private static void checkBroker(String broker) {
        String expected = "must be tcp://host:port or ssl://host:port";
        if (broker == null || broker.isBlank()) {
            throw error(KEY_BROKER, expected + ", got nothing");
        }
        URI uri;
        try {
            uri = new URI(broker);
        } catch (URISyntaxException e) {
            throw error(KEY_BROKER, expected + ", got '" + broker + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            throw error(KEY_BROKER, expected + ", got '" + broker + "'");
        }
        if (uri.getHost() == null) {
            throw error(KEY_BROKER, expected + ", got '" + broker + "' (no host)");
        }
        if (uri.getRawUserInfo() != null) {
            // credentials in the URI would end up in logs and messages
            throw error(
                    KEY_BROKER,
                    "must not carry credentials; use '"
                            + KEY_USERNAME
                            + "' and '"
                            + KEY_PASSWORD
                            + "'");
        }
        boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty();
        if (!pathless || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw error(KEY_BROKER, expected + ", got '" + broker + "' (a path or query)");
        }
    }

    private static void checkPositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw error(key, "must be above 0, got " + (value == null ? "nothing" : value));
        }
    }

    private static String derivedClientId(String jobName) {
        String id = "frameflow-" + jobName.replaceAll("[^A-Za-z0-9._-]", "-");
        if (id.length() <= 40) {
            return id;
        }
        // long names: keep a readable start, and a hash of the whole name to keep ids apart
        return id.substring(0, 31) + "-" + String.format("%08x", jobName.hashCode());
    }

    static IllegalArgumentException error(String key, String problem) {
        return new IllegalArgumentException("mqtt sink: '" + key + "' " + problem);
    }

    /** Fluent builder of {@link MqttSinkOptions}; {@link #build()} validates. */
    public static final class Builder {
        private final String jobName;
        private final String broker;
        private String username;
        private String password;
        private String prefix;
        private int qos = DEFAULT_QOS;
        private boolean windows = DEFAULT_WINDOWS;
        private boolean results = DEFAULT_RESULTS;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private Duration ackTimeout = DEFAULT_ACK_TIMEOUT;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private int retryMaxAttempts = DEFAULT_RETRY.maxAttempts();
        private Duration retryInitialBackoff = DEFAULT_RETRY.initialBackoff();
        private Duration retryMaxBackoff = DEFAULT_RETRY.maxBackoff();
        private String clientId;

        private Builder(String jobName, String broker) {
            this.jobName = jobName;
            this.broker = broker;
        }

        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** The topic prefix; null for {@code frameflow/<job name>}. */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder qos(int qos) {
            this.qos = qos;
            return this;
        }

        public Builder windows(boolean windows) {
            this.windows = windows;
            return this;
        }

        public Builder results(boolean results) {
            this.results = results;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        public Builder ackTimeout(Duration ackTimeout) {
            this.ackTimeout = ackTimeout;
            return this;
        }

        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        public Builder retryMaxAttempts(int attempts) {
            this.retryMaxAttempts = attempts;
            return this;
        }

        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryInitialBackoff = initial;
            this.retryMaxBackoff = max;
            return this;
        }

        /** The first part of client ids; null for one derived from the job name. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public MqttSinkOptions build() {
            RetryPolicy retry;
            try {
                retry = new RetryPolicy(retryMaxAttempts, retryInitialBackoff, retryMaxBackoff);
            } catch (IllegalArgumentException | NullPointerException e) {
                // the policy's messages name the key
                throw new IllegalArgumentException("mqtt sink: " + e.getMessage(), e);
            }
            return new MqttSinkOptions(
                    jobName,
                    broker,
                    username,
                    password,
                    prefix,
                    qos,
                    windows,
                    results,
                    connectTimeout,
                    keepAlive,
                    ackTimeout,
                    maxInFlight,
                    retry,
                    clientId);
        }
    }
}
