package io.frameflow.it.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.sinks.kafka.KafkaResultSink;
import io.frameflow.sinks.kafka.KafkaSinkCheckException;
import io.frameflow.sinks.kafka.KafkaSinkPreflight;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kafka topics the sinks may not write to, on a real broker that checks ACLs (Kafka's standard
 * authorizer; everything allowed but what a DENY ACL forbids to {@code User:ANONYMOUS}): the
 * startup check names each such topic, and a job that writes to one anyway fails, naming it.
 * Topics: {@code analytics} may be read but not written, {@code hidden} may not even be described,
 * {@code results} and {@code events} have no ACLs (everything allowed).
 */
class KafkaSinkPermissionITCase {
    /** The broker's limit on transaction timeouts, below Kafka's default of 15 minutes. */
    private static final Duration BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    private static KafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        Map<String, String> config = new HashMap<>(KafkaBroker.AUTHORIZER_CONFIG);
        config.put("auto.create.topics.enable", "false");
        config.put(
                "transaction.max.timeout.ms",
                String.valueOf(BROKER_MAX_TRANSACTION_TIMEOUT.toMillis()));
        kafka = KafkaBroker.start(config);
        for (String topic : List.of("results", "analytics", "events", "hidden")) {
            kafka.createTopic(topic, 1);
        }
        // readable (so described) but not writable
        kafka.allow("analytics", AclOperation.READ);
        kafka.deny("analytics", AclOperation.WRITE);
        kafka.deny("hidden", AclOperation.ALL);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void theBrokerStillServesWhatIsNotDenied() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("events", "k".getBytes(), "v".getBytes())).get();
        }
        List<ConsumerRecord<byte[], byte[]>> got =
                kafka.consume("events", 1, Duration.ofSeconds(30), false);
        assertThat(got).hasSize(1);
        assertThat(new String(got.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("v");
    }

    @Test
    void theStartupCheckNamesEveryTopicThatMayNotBeWritten() {
        KafkaSinkPreflight check = builder(DeliveryGuarantee.AT_LEAST_ONCE).preflight();
        assertThat(check.check(List.of("results", "events"))).isEmpty();

        KafkaSinkCheckException e =
                (KafkaSinkCheckException)
                        catchThrowable(
                                () ->
                                        check.check(
                                                List.of(
                                                        "results",
                                                        "analytics",
                                                        "events",
                                                        "hidden",
                                                        "missing")));
        String on = " on " + kafka.bootstrapServers() + " as User:ANONYMOUS (";
        assertThat(e.problems())
                .hasSize(3)
                .satisfiesExactly(
                        p ->
                                assertThat(p)
                                        .startsWith(
                                                "kafka sink: not allowed to WRITE to topic"
                                                        + " 'analytics'"
                                                        + on
                                                        + "it may only [")
                                        .contains("DESCRIBE")
                                        .doesNotContain("WRITE,", "WRITE]"),
                        p ->
                                assertThat(p)
                                        .isEqualTo(
                                                "kafka sink: not allowed to WRITE to topic 'hidden'"
                                                        + on
                                                        + "TopicAuthorizationException: not even"
                                                        + " DESCRIBE is allowed)"),
                        p ->
                                assertThat(p)
                                        .isEqualTo(
                                                "kafka sink: topic 'missing' does not exist on "
                                                        + kafka.bootstrapServers()
                                                        + " and the broker does not create topics"
                                                        + " (auto.create.topics.enable=false);"
                                                        + " create it first"));
        System.out.println("startup check:\n" + e.getMessage());
    }

    @Test
    void theStartupCheckRefusesATransactionTimeoutAboveTheBrokersLimit() {
        assertThatThrownBy(
                        () ->
                                builder(DeliveryGuarantee.EXACTLY_ONCE)
                                        .preflight()
                                        .check(List.of("results")))
                .isInstanceOf(KafkaSinkCheckException.class)
                .hasMessage(
                        "kafka sink: transaction-timeout 15m is above the broker's"
                                + " transaction.max.timeout.ms (10m) on "
                                + kafka.bootstrapServers()
                                + "; the exactly-once producers could not start. Lower"
                                + " transaction-timeout or raise the broker's limit");
        assertThat(
                        builder(DeliveryGuarantee.EXACTLY_ONCE)
                                .transactionTimeout(BROKER_MAX_TRANSACTION_TIMEOUT)
                                .preflight()
                                .check(List.of("results")))
                .isEmpty();
    }

    /**
     * What happens without the startup check: the sink's producer gets TopicAuthorizationException
     * on its first send, the writer rethrows it on the task thread, the job restarts as its restart
     * strategy allows (here 3 times, as `frameflow run` does) and then fails, naming the topic. It
     * does not hang: Flink's own Kafka writer would throw the error once more from close() during
     * the failed task's cleanup, which takes the TaskManager down, and with exactly-once the job
     * then waited for a TaskManager that never came back (see SafeCloseKafkaSink).
     */
    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"AT_LEAST_ONCE, analytics", "EXACTLY_ONCE, analytics", "AT_LEAST_ONCE, hidden"})
    @Timeout(180)
    void aJobWritingToADeniedTopicFailsNamingIt(DeliveryGuarantee guarantee, String topic) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(200));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        // a source that does not end, like a camera or a Kafka topic: the sink's error, not the
        // end of the input, must stop the job
        env.fromSequence(0, Long.MAX_VALUE)
                .map(KafkaSinkPermissionITCase::result)
                .returns(FrameResultTypeInfoFactory.TYPE_INFO)
                .sinkTo(
                        builder(guarantee)
                                .topic(topic)
                                .transactionTimeout(Duration.ofMinutes(1))
                                .checkpointInterval(Duration.ofMillis(200))
                                .restartAllowance(Duration.ofSeconds(30))
                                .build());

        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> env.execute("denied-" + topic));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(failure).as("the job must fail").isNotNull();
        Throwable root =
                ExceptionUtils.findThrowableWithMessage(failure, "[" + topic + "]")
                        .orElseThrow(() -> new AssertionError("no cause names " + topic, failure));
        System.out.printf(
                "%s job writing to denied topic '%s' failed after %.1f s: %s%n",
                guarantee, topic, seconds, root);
        assertThat(root.toString())
                .contains("TopicAuthorizationException")
                .contains("Not authorized to access topics: [" + topic + "]");
    }

    private static KafkaResultSink.Builder builder(DeliveryGuarantee guarantee) {
        return KafkaResultSink.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic("results")
                .deliveryGuarantee(guarantee)
                .transactionalIdPrefix("permission-test-" + guarantee);
    }

    private static FrameResult result(long seq) {
        return new FrameResult(
                "cam",
                seq,
                seq * 40_000L,
                seq * 40L,
                TimeSource.MEDIA,
                640,
                480,
                false,
                "m@1",
                List.of(new Detection("person", 0, 0.9f, 1, 2, 30, 60)));
    }
}
