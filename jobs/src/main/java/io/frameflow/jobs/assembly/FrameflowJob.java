package io.frameflow.jobs.assembly;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.PacketItem;
import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.DeadLetterTypeInfoFactory;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.common.serde.PacketItemTypeInfoFactory;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.ingest.kafka.PacketDecodeOptions;
import io.frameflow.ingest.kafka.PacketDecodeStage;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.sample.Sampling;
import io.frameflow.operators.sample.SamplingFunction;
import io.frameflow.operators.stage.DetectStage;
import io.frameflow.operators.stage.ModelStage;
import io.frameflow.operators.stage.ModelStages;
import io.frameflow.operators.time.EventTimeOptions;
import io.frameflow.operators.time.FrameWatermarks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * FrameFlow's job graph: video source → sampling (where a stream has a rule) → model stages
 * (restore, segment, detect, in the pipeline's order; chained: decoded frames never leave the task)
 * → result sinks, with dead letters from the source and the model routed to a reporter and the
 * dead-letter sinks. Kafka topics of encoded video join as Kafka source → keyBy(stream) → decode,
 * unioned with the file and network streams before the detection stage (with a single input, the
 * detection stage is chained to it; with several, frames cross a local exchange). It takes its
 * source, detector and sinks as arguments, so that tests and other entry points can pass their own;
 * {@code PipelineResolver} builds them from a pipeline file.
 */
public final class FrameflowJob {

    /**
     * A Kafka topic of encoded video and how its packets are decoded.
     *
     * @param name unique in the job; the uids of its source and decode step derive from it
     * @param source the Kafka source (see {@code KafkaVideoSource})
     * @param decode options of the decode step
     * @param sampling the sampling rule of every stream of the topic, or null for none
     */
    public record KafkaInput(
            String name,
            KafkaSource<PacketItem> source,
            PacketDecodeOptions decode,
            Sampling sampling) {
        public KafkaInput {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(decode, "decode");
        }

        /** An input whose every frame is analysed. */
        public KafkaInput(String name, KafkaSource<PacketItem> source, PacketDecodeOptions decode) {
            this(name, source, decode, null);
        }
    }

    /**
     * What the job is made of.
     *
     * @param source the video source (one split per stream); null when the job reads only Kafka
     * @param kafka the Kafka topics of encoded video (may be empty)
     * @param parallelism parallel instances of source and model stages (they are chained)
     * @param stages the model stages, in pipeline order (restore, segment, detect in any order)
     * @param resultSinks where results go (at least one)
     * @param deadLetterSinks where dead letters go (may be empty: they are logged and counted)
     * @param sampling the sampling rule of each stream that has one (max fps, every n-th)
     * @param eventTime watermarks: out-of-orderness and idleness of the streams' capture times
     */
    public record Parts(
            Source<StreamItem, ?, ?> source,
            List<KafkaInput> kafka,
            int parallelism,
            List<ModelStage> stages,
            List<Sink<FrameResult>> resultSinks,
            List<Sink<DeadLetter>> deadLetterSinks,
            Map<String, Sampling> sampling,
            EventTimeOptions eventTime) {
        public Parts {
            kafka = kafka == null ? List.of() : List.copyOf(kafka);
            if (source == null && kafka.isEmpty()) {
                throw new IllegalArgumentException("a job needs a video source or a Kafka input");
            }
            sampling = Map.copyOf(sampling);
            Objects.requireNonNull(eventTime, "eventTime");
            stages = List.copyOf(stages);
            ModelStages.check(stages);
            resultSinks = List.copyOf(resultSinks);
            deadLetterSinks = List.copyOf(deadLetterSinks);
            if (resultSinks.isEmpty()) {
                throw new IllegalArgumentException("a job needs at least one result sink");
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
            }
        }

        /** Parts whose only model stage is a detection stage named {@code detect}. */
        public Parts(
                Source<StreamItem, ?, ?> source,
                List<KafkaInput> kafka,
                int parallelism,
                PredictorFactory<BgrImage, List<DetectedObject>> detector,
                BatchOptions batch,
                List<Sink<FrameResult>> resultSinks,
                List<Sink<DeadLetter>> deadLetterSinks,
                Map<String, Sampling> sampling,
                EventTimeOptions eventTime) {
            this(
                    source,
                    kafka,
                    parallelism,
                    List.<ModelStage>of(DetectStage.primary(DETECT_STAGE, detector, batch)),
                    resultSinks,
                    deadLetterSinks,
                    sampling,
                    eventTime);
        }

        /** These parts with one more result sink. */
        public Parts withResultSink(Sink<FrameResult> sink) {
            List<Sink<FrameResult>> sinks = new java.util.ArrayList<>(resultSinks);
            sinks.add(sink);
            return new Parts(
                    source,
                    kafka,
                    parallelism,
                    stages,
                    sinks,
                    deadLetterSinks,
                    sampling,
                    eventTime);
        }

        /** These parts with other watermark settings. */
        public Parts withEventTime(EventTimeOptions options) {
            return new Parts(
                    source,
                    kafka,
                    parallelism,
                    stages,
                    resultSinks,
                    deadLetterSinks,
                    sampling,
                    options);
        }
    }

    /** Name of the detection stage of parts built from a single detector. */
    public static final String DETECT_STAGE = "detect";

    private FrameflowJob() {}

    /** Adds the job's operators to {@code env}. */
    public static void build(StreamExecutionEnvironment env, Parts parts) {
        DataStream<StreamItem> items = inputs(env, parts);
        if (!parts.sampling().isEmpty()) {
            items =
                    items.process(new SamplingFunction(parts.sampling()))
                            .returns(StreamItemTypeInfoFactory.TYPE_INFO)
                            .name("sample")
                            .uid("frameflow-sample")
                            .setParallelism(parts.parallelism());
        }

        ModelStages.Chain chain = ModelStages.apply(items, parts.stages(), parts.parallelism());

        DataStream<FrameResult> results =
                chain.results()
                        .map(new ResultStatsFunction())
                        .returns(FrameResultTypeInfoFactory.TYPE_INFO)
                        .name("result-stats")
                        .uid("frameflow-result-stats")
                        .setParallelism(parts.parallelism());
        for (int i = 0; i < parts.resultSinks().size(); i++) {
            results.sinkTo(parts.resultSinks().get(i))
                    .name("results-" + i)
                    .uid("frameflow-results-" + i);
        }

        DataStream<DeadLetter> deadLetters =
                chain.deadLetters()
                        .map(new DeadLetterReporter())
                        .returns(DeadLetterTypeInfoFactory.TYPE_INFO)
                        .name("dead-letter-report")
                        .uid("frameflow-dead-letter-report")
                        .setParallelism(parts.parallelism());
        for (int i = 0; i < parts.deadLetterSinks().size(); i++) {
            deadLetters
                    .sinkTo(parts.deadLetterSinks().get(i))
                    .name("dead-letters-" + i)
                    .uid("frameflow-dead-letters-" + i);
        }
    }

    /** The video source and every Kafka input's decoded stream, as one stream of items. */
    private static DataStream<StreamItem> inputs(StreamExecutionEnvironment env, Parts parts) {
        DataStream<StreamItem> items = null;
        if (parts.source() != null) {
            items =
                    env.fromSource(
                                    parts.source(),
                                    FrameWatermarks.strategy(parts.eventTime()),
                                    "video-source",
                                    StreamItemTypeInfoFactory.TYPE_INFO)
                            .uid("frameflow-video-source")
                            .setParallelism(parts.parallelism());
        }
        for (KafkaInput k : parts.kafka()) {
            DataStream<PacketItem> packets =
                    env.fromSource(
                                    k.source(),
                                    WatermarkStrategy.noWatermarks(),
                                    k.name() + "-source",
                                    PacketItemTypeInfoFactory.TYPE_INFO)
                            .uid("frameflow-" + k.name() + "-source")
                            .setParallelism(parts.parallelism());
            // several streams share a decode subtask: the watermark is the slowest of those that
            // are not idle, each stream with its own idleness, as on the file and network source
            DataStream<StreamItem> decoded =
                    PacketDecodeStage.apply(packets, k.decode(), k.name())
                            .setParallelism(parts.parallelism())
                            .assignTimestampsAndWatermarks(
                                    FrameWatermarks.perStream(parts.eventTime()))
                            .name(k.name() + "-event-time")
                            .uid("frameflow-" + k.name() + "-event-time")
                            .setParallelism(parts.parallelism());
            if (k.sampling() != null) {
                decoded =
                        decoded.process(new SamplingFunction(k.sampling()))
                                .returns(StreamItemTypeInfoFactory.TYPE_INFO)
                                .name(k.name() + "-sample")
                                .uid("frameflow-" + k.name() + "-sample")
                                .setParallelism(parts.parallelism());
            }
            items = items == null ? decoded : items.union(decoded);
        }
        return items;
    }
}
