package io.frameflow.it.kafka;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A single combined KRaft broker+controller in this JVM, from Kafka's own test kit. */
final class InProcessKafkaBroker extends KafkaBroker {
    private final KafkaClusterTestKit cluster;

    private InProcessKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts the broker with {@code extraConfig} added to (or replacing) its settings. */
    static InProcessKafkaBroker launch(Map<String, String> extraConfig) {
        KafkaClusterTestKit cluster = null;
        try {
            KafkaClusterTestKit.Builder builder =
                    new KafkaClusterTestKit.Builder(
                                    new TestKitNodes.Builder()
                                            .setCombined(true)
                                            .setNumBrokerNodes(1)
                                            .setNumControllerNodes(1)
                                            .build())
                            .setConfigProp("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES))
                            // first consumer joins at once instead of after 3 s
                            .setConfigProp("group.initial.rebalance.delay.ms", "0")
                            .setConfigProp("offsets.topic.replication.factor", "1")
                            .setConfigProp("transaction.state.log.replication.factor", "1")
                            .setConfigProp("transaction.state.log.min.isr", "1");
            extraConfig.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new InProcessKafkaBroker(cluster);
        } catch (Exception e) {
            closeQuietly(cluster, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("failed to start the in-process Kafka broker", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Exception failure) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public String kind() {
        return "in-process";
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("failed to stop the in-process Kafka broker", e);
        }
    }
}
