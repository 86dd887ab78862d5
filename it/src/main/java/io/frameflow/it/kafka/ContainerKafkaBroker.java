package io.frameflow.it.kafka;

import java.util.Locale;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;

/** Kafka in a container, where a Docker engine is reachable. */
final class ContainerKafkaBroker extends KafkaBroker {
    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    /**
     * Starts the container with {@code extraConfig} as broker settings (the image maps {@code
     * KAFKA_A_B} to {@code a.b}).
     */
    static ContainerKafkaBroker launch(Map<String, String> extraConfig) {
        KafkaContainer container =
                new KafkaContainer(DOCKER_IMAGE)
                        .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(MAX_MESSAGE_BYTES));
        extraConfig.forEach(
                (key, value) ->
                        container.withEnv(
                                "KAFKA_" + key.replace('.', '_').toUpperCase(Locale.ROOT), value));
        container.start();
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public void close() {
        container.stop();
    }
}
