package io.frameflow.jobs.assembly;

import io.frameflow.ingest.kafka.KafkaVideoSource;
import io.frameflow.ingest.kafka.PacketDecodeOptions;
import io.frameflow.jobs.spec.KafkaSourceSpec;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.operators.sample.Sampling;
import java.util.LinkedHashSet;

/** Builds the Kafka video sources of a pipeline from its {@code sources[i].kafka} entries. */
final class KafkaSources {
    private KafkaSources() {}

    /** The consumer group of an entry: its own, else one per pipeline. */
    static String group(KafkaSourceSpec spec, String jobName) {
        return spec.group() != null
                ? spec.group()
                : "frameflow-" + jobName.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /**
     * The source, decode options and sampling (of all its streams, or null) of entry {@code index};
     * {@code at} names it in messages.
     *
     * @throws PipelineSpecException when an option is out of range
     */
    static FrameflowJob.KafkaInput build(
            KafkaSourceSpec spec, String jobName, int index, Sampling sampling, String at) {
        try {
            KafkaVideoSource.Builder builder =
                    KafkaVideoSource.builder(spec.bootstrap(), spec.topic())
                            .group(group(spec, jobName))
                            .streams(new LinkedHashSet<>(spec.streams()));
            if (spec.start() != null) {
                builder.start(KafkaVideoSource.Start.valueOf(spec.start().name()));
            }
            if (spec.until() == KafkaSourceSpec.Until.LATEST) {
                builder.untilLatest();
            }
            PacketDecodeOptions decode = PacketDecodeOptions.defaults();
            if (spec.maxGopBytes() != null) {
                decode = decode.withMaxGopBytes(spec.maxGopBytes());
            }
            return new FrameflowJob.KafkaInput("kafka-" + index, builder.build(), decode, sampling);
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }

    /** One line for the user, e.g. {@code kafka topic cams at host:9092 (all streams, …)}. */
    static String describe(KafkaSourceSpec spec, String jobName) {
        String streams =
                spec.streams().isEmpty() ? "all streams" : String.join(", ", spec.streams());
        String start =
                spec.start() == null
                        ? "committed"
                        : spec.start().name().toLowerCase(java.util.Locale.ROOT);
        return "kafka topic "
                + spec.topic()
                + " at "
                + spec.bootstrap()
                + " ("
                + streams
                + ", group "
                + group(spec, jobName)
                + ", start "
                + start
                + (spec.until() == KafkaSourceSpec.Until.LATEST ? ", until the latest offsets" : "")
                + ")";
    }
}
