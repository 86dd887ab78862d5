package io.frameflow.it.kafka;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** Kafka in a container, where a Docker engine is reachable. */
final class ContainerKafkaBroker extends KafkaBroker {
    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError ignored) {
            // no engine, or no usable client configuration: the in-process broker is used
            return false;
        }
    }

    static ContainerKafkaBroker launch() {
        KafkaContainer container =
                new KafkaContainer(DOCKER_IMAGE)
                        .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(MAX_MESSAGE_BYTES));
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
