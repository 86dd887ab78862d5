package io.frameflow.it.kafka;

import io.frameflow.it.docker.DockerEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A real Kafka broker for tests: a Testcontainers container where a Docker engine runs, otherwise
 * an in-process KRaft broker (Kafka's own test kit) in this JVM. Both are the real broker; neither
 * is a mock. {@code FRAMEFLOW_IT_KAFKA=docker|in-process} forces one.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start()) {
 *     kafka.createTopic("frameflow.results", 2);
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public abstract class KafkaBroker implements AutoCloseable {
    /** The image used where Docker runs; the same Kafka version as the client and test kit. */
    public static final String DOCKER_IMAGE = "apache/kafka:4.2.0";

    /** Largest record the broker accepts; video records are large. */
    public static final int MAX_MESSAGE_BYTES = 8 << 20;

    /**
     * Broker settings that turn on authorization with Kafka's standard (KRaft) authorizer while
     * allowing every operation on a resource without ACLs, so that a test can deny one thing.
     */
    public static final Map<String, String> AUTHORIZER_CONFIG =
            Map.of(
                    "authorizer.class.name",
                    "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                    "allow.everyone.if.no.acl.found",
                    "true");

    /** The principal of clients on the brokers' plaintext listeners. */
    public static final String ANONYMOUS = "User:ANONYMOUS";

    /** Starts a broker of the kind this machine supports. */
    public static KafkaBroker start() {
        return start(Map.of());
    }

    /**
     * Starts a broker that checks ACLs ({@link #AUTHORIZER_CONFIG}); everything is allowed until
     * {@link #deny} says otherwise.
     */
    public static KafkaBroker startWithAuthorizer() {
        return start(AUTHORIZER_CONFIG);
    }

    /** Starts a broker of the kind this machine supports, with {@code config} as settings. */
    public static KafkaBroker start(Map<String, String> config) {
        String forced = System.getenv().getOrDefault("FRAMEFLOW_IT_KAFKA", "");
        return switch (forced.toLowerCase(Locale.ROOT)) {
            case "docker" -> ContainerKafkaBroker.launch(config);
            case "in-process" -> InProcessKafkaBroker.launch(config);
            case "" ->
                    DockerEngine.available()
                            ? ContainerKafkaBroker.launch(config)
                            : InProcessKafkaBroker.launch(config);
            default ->
                    throw new IllegalArgumentException(
                            "FRAMEFLOW_IT_KAFKA='" + forced + "': use docker or in-process");
        };
    }

    /** {@code host:port} list for clients. */
    public abstract String bootstrapServers();

    /** How this broker runs, for test logs: {@code docker} or {@code in-process}. */
    public abstract String kind();

    /** Creates a topic that accepts records up to {@link #MAX_MESSAGE_BYTES}. */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(adminProperties())) {
            NewTopic t =
                    new NewTopic(topic, partitions, (short) 1)
                            .configs(
                                    Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES)));
            admin.createTopics(List.of(t)).all().get();
            awaitVisible(admin, topic);
        } catch (ExecutionException e) {
            throw new IllegalStateException("failed to create topic " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + topic, e);
        }
    }

    /**
     * Denies {@code operation} on {@code topic} to {@link #ANONYMOUS} from any host (a broker from
     * {@link #startWithAuthorizer()}). Once a topic has an ACL, {@code
     * allow.everyone.if.no.acl.found} no longer applies to it: every operation not {@linkplain
     * #allow allowed} is denied, DESCRIBE included (DESCRIBE is implied by an allowed READ, WRITE,
     * DELETE or ALTER).
     */
    public void deny(String topic, AclOperation operation) {
        addAcl(topic, operation, AclPermissionType.DENY);
    }

    /** Allows {@code operation} on {@code topic} to {@link #ANONYMOUS} from any host. */
    public void allow(String topic, AclOperation operation) {
        addAcl(topic, operation, AclPermissionType.ALLOW);
    }

    private void addAcl(String topic, AclOperation operation, AclPermissionType permission) {
        AclBinding binding =
                new AclBinding(
                        new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                        new AccessControlEntry(ANONYMOUS, "*", operation, permission));
        try (Admin admin = Admin.create(adminProperties())) {
            admin.createAcls(List.of(binding)).all().get();
            awaitAcl(admin, binding);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "failed to add ACL " + binding + " on topic " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted adding an ACL to topic " + topic, e);
        }
    }

    /** ACLs reach the broker's authorizer through the metadata log, a moment after creation. */
    private static void awaitAcl(Admin admin, AclBinding binding)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!admin.describeAcls(binding.toFilter()).values().get().contains(binding)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not list the new ACL " + binding);
            }
            Thread.sleep(50);
        }
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /**
     * Waits until the broker answers metadata requests for a new topic: creation returns once the
     * controller has it, and a client that asks the broker a moment later may still be told the
     * topic does not exist.
     */
    private static void awaitVisible(Admin admin, String topic)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * Reads every record of {@code topic} from the beginning up to the end it has now (for {@code
     * readCommitted}, up to the last stable offset: records of open transactions are not waited
     * for), failing after {@code timeout}. For checks that count records: it neither stops early
     * nor waits longer than needed.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(
            String topic, Duration timeout, boolean readCommitted) {
        Properties props = consumerProperties(readCommitted);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(
                                    p ->
                                            new org.apache.kafka.common.TopicPartition(
                                                    topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "topic " + topic + " not read to its end " + end + " in " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Reads records of {@code topic} from the beginning until {@code expected} have arrived or
     * {@code timeout} passes, and returns what arrived (possibly fewer: the caller asserts).
     *
     * @param readCommitted read only committed transactional records
     */
    public List<ConsumerRecord<byte[], byte[]>> consume(
            String topic, int expected, Duration timeout, boolean readCommitted) {
        Properties props = consumerProperties(readCommitted);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** A consumer of this broker that takes records up to the broker's size limit. */
    private Properties consumerProperties(boolean readCommitted) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_MESSAGE_BYTES);
        props.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                readCommitted ? "read_committed" : "read_uncommitted");
        return props;
    }

    @Override
    public abstract void close();
}
