package io.frameflow.jobs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A Kafka topic of encoded video in FrameFlow's record format (what {@code frameflow publish}
 * writes): every stream found in the topic is decoded and analysed, each under its record key.
 *
 * @param bootstrap comma-separated {@code host:port} list
 * @param topic the topic
 * @param group the consumer group (default {@code frameflow-<pipeline name>}); offsets are
 *     committed to it at each checkpoint
 * @param start where to begin when no checkpoint says: {@code committed} (the group's offsets, else
 *     the earliest; the default), {@code earliest} or {@code latest}
 * @param maxGopBytes the most bytes kept per stream since its last keyframe (default 32 MiB)
 * @param streams read only these stream ids; optional (default: all)
 * @param until {@code never} (the default: follow the topic until stopped) or {@code latest}: stop
 *     at the offsets that were the latest when the job started, to replay what is recorded
 */
public record KafkaSourceSpec(
        @JsonProperty("bootstrap") String bootstrap,
        @JsonProperty("topic") String topic,
        @JsonProperty("group") String group,
        @JsonProperty("start") Start start,
        @JsonProperty("max-gop-bytes") Long maxGopBytes,
        @JsonProperty("streams") List<String> streams,
        @JsonProperty("until") Until until) {

    public KafkaSourceSpec {
        streams = streams == null ? List.of() : List.copyOf(streams);
    }

    /** Where a Kafka source ends, as written in the pipeline file. */
    public enum Until {
        @JsonProperty("never")
        NEVER,
        @JsonProperty("latest")
        LATEST
    }

    /** Where a Kafka source starts, as written in the pipeline file. */
    public enum Start {
        @JsonProperty("committed")
        COMMITTED,
        @JsonProperty("earliest")
        EARLIEST,
        @JsonProperty("latest")
        LATEST
    }
}
