package io.frameflow.jobs.assembly;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.jobs.spec.KafkaSinkSpec;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.sinks.kafka.KafkaResultSink;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** Builds the Kafka sinks of one pipeline entry: results, and dead letters when asked. */
final class KafkaSinks {
    private KafkaSinks() {}

    static Sink<FrameResult> build(KafkaSinkSpec spec, String jobName, String at) {
        try {
            return builder(spec, jobName).build();
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }

    /** The dead-letter sink of the entry, when it names a {@code dead-letter-topic}. */
    static Optional<Sink<DeadLetter>> deadLetters(KafkaSinkSpec spec, String jobName, String at) {
        if (spec.deadLetterTopic() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder(spec, jobName).buildForDeadLetters(spec.deadLetterTopic()));
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ".dead-letter-topic: " + e.getMessage(), e);
        }
    }

    private static KafkaResultSink.Builder builder(KafkaSinkSpec spec, String jobName) {
        DeliveryGuarantee guarantee =
                spec.delivery() == KafkaSinkSpec.Delivery.EXACTLY_ONCE
                        ? DeliveryGuarantee.EXACTLY_ONCE
                        : DeliveryGuarantee.AT_LEAST_ONCE;
        return KafkaResultSink.builder()
                .bootstrapServers(spec.bootstrap())
                .topic(spec.topic())
                .deliveryGuarantee(guarantee)
                // transactional ids must not clash between jobs writing to one cluster
                .transactionalIdPrefix("frameflow-" + jobName.replaceAll("[^A-Za-z0-9._-]", "-"));
    }
}
