package io.frameflow.sinks.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The broker settings the Kafka sink check needs, over all brokers of a cluster: whether every
 * broker creates topics on first use, and the smallest {@code transaction.max.timeout.ms}.
 *
 * @param autoCreate {@code auto.create.topics.enable} of every broker, or null when unreadable
 * @param maxTransactionTimeoutMillis the smallest {@code transaction.max.timeout.ms}, or null
 * @param unreadable why the settings could not be read; null when they were
 */
record BrokerSettings(Boolean autoCreate, Long maxTransactionTimeoutMillis, String unreadable) {

    static BrokerSettings read(Admin admin, Collection<Node> nodes, Duration timeout) {
        List<ConfigResource> brokers = new ArrayList<>();
        for (Node node : nodes) {
            brokers.add(new ConfigResource(ConfigResource.Type.BROKER, node.idString()));
        }
        if (brokers.isEmpty()) {
            return new BrokerSettings(null, null, "the cluster listed no brokers");
        }
        Map<ConfigResource, KafkaFuture<Config>> configs =
                admin.describeConfigs(
                                brokers,
                                new DescribeConfigsOptions()
                                        .timeoutMs(
                                                (int)
                                                        Math.min(
                                                                Integer.MAX_VALUE,
                                                                timeout.toMillis())))
                        .values();
        boolean autoCreate = true;
        long maxTimeout = Long.MAX_VALUE;
        try {
            for (ConfigResource broker : brokers) {
                Config config = KafkaSinkPreflight.await(configs.get(broker));
                autoCreate &= Boolean.parseBoolean(value(config, "auto.create.topics.enable"));
                maxTimeout =
                        Math.min(
                                maxTimeout,
                                Long.parseLong(value(config, "transaction.max.timeout.ms")));
            }
        } catch (ExecutionException e) {
            return new BrokerSettings(
                    null,
                    null,
                    "cannot read the broker configuration: "
                            + KafkaSinkPreflight.describe(e.getCause()));
        } catch (IllegalStateException | NumberFormatException e) {
            return new BrokerSettings(null, null, e.getMessage());
        }
        return new BrokerSettings(autoCreate, maxTimeout, null);
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config.get(name);
        if (entry == null || entry.value() == null) {
            throw new IllegalStateException("the broker does not report " + name);
        }
        return entry.value();
    }
}
