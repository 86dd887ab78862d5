package io.frameflow.sinks.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks, before a job is submitted, that the Kafka cluster will take what its sinks write: every
 * topic exists (or the broker creates topics on first write), the client may WRITE to it, and an
 * exactly-once transaction timeout is not above the broker's {@code transaction.max.timeout.ms}.
 * Without this check a topic without permission shows only once the job runs, as a failed task.
 *
 * <p>Permissions are read with {@code describeTopics(includeAuthorizedOperations)}: the broker
 * answers which operations the client's principal may perform on each topic. Nothing is written.
 * What cannot be checked (no authorized operations reported, broker configuration not readable) is
 * returned as a note rather than failing the job. Not checked: WRITE on the transactional ids of an
 * exactly-once sink (the ids do not exist before the job runs), and topic creation rights.
 */
public final class KafkaSinkPreflight {
    /** How long the check waits for the cluster's answers. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern JAAS_USER = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    private final String bootstrapServers;
    private final Map<String, String> clientProperties;
    private Duration transactionTimeout;
    private Duration timeout = DEFAULT_TIMEOUT;

    private KafkaSinkPreflight(String bootstrapServers, Map<String, String> clientProperties) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.clientProperties = new LinkedHashMap<>(clientProperties);
    }

    /**
     * A check against {@code bootstrapServers} with the sink's client properties (security settings
     * are used; properties an admin client does not know are left out).
     */
    public static KafkaSinkPreflight of(
            String bootstrapServers, Map<String, String> clientProperties) {
        return new KafkaSinkPreflight(bootstrapServers, clientProperties);
    }

    /** The exactly-once transaction timeout to check, or null for an at-least-once sink. */
    public KafkaSinkPreflight transactionTimeout(Duration timeout) {
        this.transactionTimeout = timeout;
        return this;
    }

    /** How long to wait for the cluster, default {@link #DEFAULT_TIMEOUT}. */
    public KafkaSinkPreflight timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Checks {@code topics}.
     *
     * @return notes worth logging: topics the broker will create, checks that could not be made
     * @throws KafkaSinkCheckException naming every problem found
     */
    public List<String> check(Collection<String> topics) {
        Set<String> wanted = new LinkedHashSet<>(topics);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Admin admin = Admin.create(adminProperties());
        try {
            Collection<Node> nodes = nodes(admin);
            List<String> missing = checkTopics(admin, wanted, problems, notes);
            if (!missing.isEmpty() || transactionTimeout != null) {
                BrokerSettings settings = BrokerSettings.read(admin, nodes, timeout);
                checkMissing(missing, settings, problems, notes);
                checkTransactionTimeout(settings, problems, notes);
            }
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
        if (!problems.isEmpty()) {
            throw new KafkaSinkCheckException(problems, null);
        }
        return notes;
    }

    private Collection<Node> nodes(Admin admin) {
        try {
            return await(
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis()))
                            .nodes());
        } catch (ExecutionException e) {
            throw new KafkaSinkCheckException(
                    List.of(
                            "kafka sink: cannot reach Kafka at "
                                    + bootstrapServers
                                    + " within "
                                    + TransactionTimeouts.format(timeout)
                                    + " ("
                                    + describe(e.getCause())
                                    + ")"),
                    e.getCause());
        }
    }

    /** Adds a problem for each topic that may not be written; returns the missing topics. */
    private List<String> checkTopics(
            Admin admin, Set<String> topics, List<String> problems, List<String> notes) {
        Map<String, KafkaFuture<TopicDescription>> described =
                admin.describeTopics(
                                topics,
                                new DescribeTopicsOptions()
                                        .includeAuthorizedOperations(true)
                                        .timeoutMs(millis()))
                        .topicNameValues();
        List<String> missing = new ArrayList<>();
        for (String topic : topics) {
            try {
                Set<AclOperation> allowed = await(described.get(topic)).authorizedOperations();
                if (allowed == null) {
                    notes.add(
                            "kafka sink: the broker at "
                                    + bootstrapServers
                                    + " does not report permissions; WRITE to topic '"
                                    + topic
                                    + "' is not checked");
                } else if (!allowed.contains(AclOperation.WRITE)
                        && !allowed.contains(AclOperation.ALL)) {
                    problems.add(
                            notAllowed(
                                    topic, "it may only " + new TreeSet<>(allowed) + " the topic"));
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UnknownTopicOrPartitionException) {
                    missing.add(topic);
                } else if (cause instanceof TopicAuthorizationException) {
                    problems.add(
                            notAllowed(
                                    topic,
                                    "TopicAuthorizationException: not even DESCRIBE is allowed"));
                } else {
                    problems.add(
                            "kafka sink: cannot describe topic '"
                                    + topic
                                    + "' on "
                                    + bootstrapServers
                                    + " ("
                                    + describe(cause)
                                    + ")");
                }
            }
        }
        return missing;
    }

    private void checkMissing(
            List<String> missing,
            BrokerSettings settings,
            List<String> problems,
            List<String> notes) {
        for (String topic : missing) {
            if (Boolean.FALSE.equals(settings.autoCreate())) {
                problems.add(
                        "kafka sink: topic '"
                                + topic
                                + "' does not exist on "
                                + bootstrapServers
                                + " and the broker does not create topics"
                                + " (auto.create.topics.enable=false); create it first");
            } else if (Boolean.TRUE.equals(settings.autoCreate())) {
                notes.add(
                        "kafka sink: topic '"
                                + topic
                                + "' does not exist on "
                                + bootstrapServers
                                + "; the broker creates it on the first write, with its default"
                                + " partitions and settings");
            } else {
                notes.add(
                        "kafka sink: topic '"
                                + topic
                                + "' does not exist on "
                                + bootstrapServers
                                + ", and whether the broker creates topics is unknown ("
                                + settings.unreadable()
                                + "); the job fails if it does not");
            }
        }
    }

    private void checkTransactionTimeout(
            BrokerSettings settings, List<String> problems, List<String> notes) {
        if (transactionTimeout == null) {
            return;
        }
        Long max = settings.maxTransactionTimeoutMillis();
        if (max == null) {
            notes.add(
                    "kafka sink: the broker's transaction.max.timeout.ms is unknown ("
                            + settings.unreadable()
                            + "); transaction-timeout "
                            + TransactionTimeouts.format(transactionTimeout)
                            + " is not checked against it");
        } else if (transactionTimeout.toMillis() > max) {
            problems.add(
                    "kafka sink: transaction-timeout "
                            + TransactionTimeouts.format(transactionTimeout)
                            + " is above the broker's transaction.max.timeout.ms ("
                            + TransactionTimeouts.format(Duration.ofMillis(max))
                            + ") on "
                            + bootstrapServers
                            + "; the exactly-once producers could not start. Lower"
                            + " transaction-timeout or raise the broker's limit");
        }
    }

    private String notAllowed(String topic, String why) {
        String principal = principal();
        return "kafka sink: not allowed to WRITE to topic '"
                + topic
                + "' on "
                + bootstrapServers
                + (principal == null ? "" : " as " + principal)
                + " ("
                + why
                + ")";
    }

    /**
     * The principal the broker sees, where the client settings tell: {@code User:ANONYMOUS} on a
     * plaintext connection, the user name of SASL PLAIN or SCRAM; else null (a TLS client
     * certificate, Kerberos, OAuth, or a custom principal builder on the broker).
     */
    String principal() {
        String protocol = clientProperties.getOrDefault("security.protocol", "PLAINTEXT");
        if (protocol.equalsIgnoreCase("PLAINTEXT")) {
            return "User:ANONYMOUS";
        }
        String jaas = clientProperties.get("sasl.jaas.config");
        if (protocol.toUpperCase(java.util.Locale.ROOT).startsWith("SASL") && jaas != null) {
            Matcher m = JAAS_USER.matcher(jaas);
            if (m.find()) {
                return "User:" + m.group(1);
            }
        }
        return null;
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        Set<String> known = AdminClientConfig.configNames();
        clientProperties.forEach(
                (key, value) -> {
                    if (known.contains(key)) {
                        props.put(key, value);
                    }
                });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis());
        return props;
    }

    private int millis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    static <T> T await(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka", e);
        }
    }

    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
