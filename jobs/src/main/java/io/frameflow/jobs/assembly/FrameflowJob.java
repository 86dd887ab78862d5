package io.frameflow.jobs.assembly;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.DeadLetterTypeInfoFactory;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.detect.DetectionStage;
import io.frameflow.operators.sample.Sampling;
import io.frameflow.operators.sample.SamplingFunction;
import io.frameflow.operators.time.EventTimeOptions;
import io.frameflow.operators.time.FrameWatermarks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * FrameFlow's job graph: video source → sampling (where a stream has a rule) → detection stage
 * (chained: decoded frames never leave the task) → result sinks, with dead letters from the source
 * and the model routed to a reporter and the dead-letter sinks. It takes its source, detector and
 * sinks as arguments, so that tests and other entry points can pass their own; {@code
 * PipelineResolver} builds them from a pipeline file.
 */
public final class FrameflowJob {

    /**
     * What the job is made of.
     *
     * @param source the video source (one split per stream)
     * @param parallelism parallel instances of source and detection (they are chained)
     * @param detector the detection model
     * @param batch batching of the detection stage
     * @param resultSinks where results go (at least one)
     * @param deadLetterSinks where dead letters go (may be empty: they are logged and counted)
     * @param sampling the sampling rule of each stream that has one (max fps, every n-th)
     * @param eventTime watermarks: out-of-orderness and idleness of the streams' capture times
     */
    public record Parts(
            Source<StreamItem, ?, ?> source,
            int parallelism,
            PredictorFactory<BgrImage, List<DetectedObject>> detector,
            BatchOptions batch,
            List<Sink<FrameResult>> resultSinks,
            List<Sink<DeadLetter>> deadLetterSinks,
            Map<String, Sampling> sampling,
            EventTimeOptions eventTime) {
        public Parts {
            sampling = Map.copyOf(sampling);
            Objects.requireNonNull(eventTime, "eventTime");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(detector, "detector");
            Objects.requireNonNull(batch, "batch");
            resultSinks = List.copyOf(resultSinks);
            deadLetterSinks = List.copyOf(deadLetterSinks);
            if (resultSinks.isEmpty()) {
                throw new IllegalArgumentException("a job needs at least one result sink");
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
            }
        }

        /** Parts without sampling, with default watermarks. */
        public Parts(
                Source<StreamItem, ?, ?> source,
                int parallelism,
                PredictorFactory<BgrImage, List<DetectedObject>> detector,
                BatchOptions batch,
                List<Sink<FrameResult>> resultSinks,
                List<Sink<DeadLetter>> deadLetterSinks) {
            this(
                    source,
                    parallelism,
                    detector,
                    batch,
                    resultSinks,
                    deadLetterSinks,
                    Map.of(),
                    EventTimeOptions.defaults());
        }

        /** These parts with one more result sink. */
        public Parts withResultSink(Sink<FrameResult> sink) {
            List<Sink<FrameResult>> sinks = new java.util.ArrayList<>(resultSinks);
            sinks.add(sink);
            return new Parts(
                    source,
                    parallelism,
                    detector,
                    batch,
                    sinks,
                    deadLetterSinks,
                    sampling,
                    eventTime);
        }

        /** These parts with other watermark settings. */
        public Parts withEventTime(EventTimeOptions options) {
            return new Parts(
                    source,
                    parallelism,
                    detector,
                    batch,
                    resultSinks,
                    deadLetterSinks,
                    sampling,
                    options);
        }
    }

    private FrameflowJob() {}

    /** Adds the job's operators to {@code env}. */
    public static void build(StreamExecutionEnvironment env, Parts parts) {
        DataStream<StreamItem> items =
                env.fromSource(
                                parts.source(),
                                FrameWatermarks.strategy(parts.eventTime()),
                                "video-source",
                                StreamItemTypeInfoFactory.TYPE_INFO)
                        .uid("frameflow-video-source")
                        .setParallelism(parts.parallelism());
        if (!parts.sampling().isEmpty()) {
            items =
                    items.process(new SamplingFunction(parts.sampling()))
                            .returns(StreamItemTypeInfoFactory.TYPE_INFO)
                            .name("sample")
                            .uid("frameflow-sample")
                            .setParallelism(parts.parallelism());
        }

        SingleOutputStreamOperator<FrameResult> detected =
                DetectionStage.apply(items, parts.detector(), parts.batch(), "detect");
        detected.setParallelism(parts.parallelism());

        DataStream<FrameResult> results =
                detected.map(new ResultStatsFunction())
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
                DetectionStage.deadLetters(detected)
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
}
