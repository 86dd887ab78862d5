package io.frameflow.jobs.assembly;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.jobs.spec.KafkaSinkSpec;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.sinks.kafka.KafkaResultSink;
import io.frameflow.sinks.kafka.KafkaSinkCheckException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Builds the Kafka sinks of one pipeline entry: frame results, and dead letters, window results and
 * track events when the entry names their topics. Before the job starts it checks that the topics
 * exist (or will be created) and that this client may write to them.
 */
final class KafkaSinks {
    private KafkaSinks() {}

    /**
     * The sinks of one entry; {@code windows} and {@code events} are null when the entry names no
     * topic for them, {@code deadLetters} likewise.
     */
    record Built(
            Sink<FrameResult> results,
            Sink<DeadLetter> deadLetters,
            Sink<WindowResult> windows,
            Sink<TrackEvent> events,
            List<String> topics) {}

    /**
     * Builds the entry's sinks and checks its topics.
     *
     * @param tracking whether the job tracks (an events topic needs it)
     * @param windows whether the job has analytics windows (a windows topic needs them)
     * @param checkpointInterval the job's; exactly-once transactions must outlive it
     */
    static Built build(
            KafkaSinkSpec spec,
            String jobName,
            String at,
            boolean tracking,
            boolean windows,
            Duration checkpointInterval) {
        if (spec.eventsTopic() != null && !tracking) {
            throw new PipelineSpecException(
                    at
                            + ".events-topic: track events need a tracking or analytics section in"
                            + " the pipeline");
        }
        if (spec.windowsTopic() != null && !windows) {
            throw new PipelineSpecException(
                    at + ".windows-topic: window results need analytics windows in the pipeline");
        }
        KafkaResultSink.Builder builder = builder(spec, jobName, checkpointInterval);
        List<String> topics = new ArrayList<>();
        topics.add(spec.topic());
        try {
            Sink<FrameResult> results = builder.build();
            Sink<DeadLetter> deadLetters = null;
            Sink<WindowResult> windowSink = null;
            Sink<TrackEvent> events = null;
            if (spec.deadLetterTopic() != null) {
                deadLetters = builder.buildForDeadLetters(spec.deadLetterTopic());
                topics.add(spec.deadLetterTopic());
            }
            if (spec.windowsTopic() != null) {
                windowSink = builder.buildForWindowResults(spec.windowsTopic());
                topics.add(spec.windowsTopic());
            }
            if (spec.eventsTopic() != null) {
                events = builder.buildForTrackEvents(spec.eventsTopic());
                topics.add(spec.eventsTopic());
            }
            builder.preflight().check(topics);
            return new Built(results, deadLetters, windowSink, events, List.copyOf(topics));
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        } catch (KafkaSinkCheckException e) {
            throw new PipelineSpecException(at + ": " + String.join("; ", e.problems()), e);
        }
    }

    private static KafkaResultSink.Builder builder(
            KafkaSinkSpec spec, String jobName, Duration checkpointInterval) {
        DeliveryGuarantee guarantee =
                spec.delivery() == KafkaSinkSpec.Delivery.EXACTLY_ONCE
                        ? DeliveryGuarantee.EXACTLY_ONCE
                        : DeliveryGuarantee.AT_LEAST_ONCE;
        KafkaResultSink.Builder builder =
                KafkaResultSink.builder()
                        .bootstrapServers(spec.bootstrap())
                        .topic(spec.topic())
                        .deliveryGuarantee(guarantee)
                        .checkpointInterval(checkpointInterval)
                        // transactional ids must not clash between jobs writing to one cluster
                        .transactionalIdPrefix(
                                "frameflow-" + jobName.replaceAll("[^A-Za-z0-9._-]", "-"));
        if (spec.transactionTimeout() != null) {
            builder.transactionTimeout(spec.transactionTimeout().duration());
        }
        return builder;
    }
}
