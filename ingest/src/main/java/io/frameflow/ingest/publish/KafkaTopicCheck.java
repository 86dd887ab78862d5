package io.frameflow.ingest.publish;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks, before anything is sent, that the broker answers within the timeout, that the topic
 * exists (a publisher must not depend on automatic topic creation, which would pick the broker's
 * default record limit and partition count) and that it accepts records of the configured size.
 */
final class KafkaTopicCheck {
    private KafkaTopicCheck() {}

    /**
     * Returns the topic's partition count.
     *
     * @throws KafkaSetupException naming the broker, the topic and what is wrong
     */
    static int check(PublisherOptions options) throws KafkaSetupException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        int timeoutMs = (int) options.brokerTimeout().toMillis();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        String at = " at " + options.bootstrapServers();
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (KafkaException e) {
            throw new KafkaSetupException(
                    "cannot connect to Kafka" + at + ": " + rootMessage(e), e);
        }
        try (admin) {
            int partitions =
                    admin.describeTopics(List.of(options.topic()))
                            .allTopicNames()
                            .get(timeoutMs, TimeUnit.MILLISECONDS)
                            .get(options.topic())
                            .partitions()
                            .size();
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, options.topic());
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(List.of(res)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            checkLimit(options, configs.get(res));
            return partitions;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new KafkaSetupException(
                        "topic '"
                                + options.topic()
                                + "' does not exist"
                                + at
                                + "; create it first (with max.message.bytes >= "
                                + options.maxRecordBytes()
                                + ")",
                        e.getCause());
            }
            throw noAnswer(options, e.getCause());
        } catch (TimeoutException e) {
            throw noAnswer(options, e);
        }
    }

    private static void checkLimit(PublisherOptions options, Config config)
            throws KafkaSetupException {
        ConfigEntry entry =
                config == null ? null : config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        if (entry == null || entry.value() == null) {
            return;
        }
        long limit = Long.parseLong(entry.value());
        if (limit < options.maxRecordBytes()) {
            throw new KafkaSetupException(
                    "topic '"
                            + options.topic()
                            + "' accepts records up to "
                            + limit
                            + " bytes (max.message.bytes), less than "
                            + PublisherOptions.MAX_RECORD_BYTES
                            + " "
                            + options.maxRecordBytes()
                            + "; lower "
                            + PublisherOptions.MAX_RECORD_BYTES
                            + " to at most "
                            + limit
                            + " or raise the topic's limit",
                    null);
        }
    }

    private static KafkaSetupException noAnswer(PublisherOptions options, Throwable cause) {
        String why =
                cause instanceof org.apache.kafka.common.errors.TimeoutException
                                || cause instanceof TimeoutException
                        ? "no answer within " + options.brokerTimeout().toSeconds() + " s"
                        : rootMessage(cause);
        return new KafkaSetupException(
                "cannot reach Kafka at " + options.bootstrapServers() + ": " + why, cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
