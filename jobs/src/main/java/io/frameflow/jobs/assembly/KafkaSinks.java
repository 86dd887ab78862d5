package io.frameflow.jobs.assembly;

import io.frameflow.common.FrameResult;
import io.frameflow.jobs.spec.KafkaSinkSpec;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.sinks.kafka.KafkaResultSink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/** Builds a Kafka result sink from its pipeline entry. */
final class KafkaSinks {
    private KafkaSinks() {}

    static KafkaSink<FrameResult> build(KafkaSinkSpec spec, String jobName, String at) {
        DeliveryGuarantee guarantee =
                spec.delivery() == KafkaSinkSpec.Delivery.EXACTLY_ONCE
                        ? DeliveryGuarantee.EXACTLY_ONCE
                        : DeliveryGuarantee.AT_LEAST_ONCE;
        try {
            return KafkaResultSink.builder()
                    .bootstrapServers(spec.bootstrap())
                    .topic(spec.topic())
                    .deliveryGuarantee(guarantee)
                    // transactional ids must not clash between jobs writing to one cluster
                    .transactionalIdPrefix(
                            "frameflow-" + jobName.replaceAll("[^A-Za-z0-9._-]", "-"))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }
}
