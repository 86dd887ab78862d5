package io.frameflow.jobs.assembly;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.PacketItem;
import io.frameflow.common.StreamItem;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import io.frameflow.common.serde.DeadLetterTypeInfoFactory;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.common.serde.PacketItemTypeInfoFactory;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.ingest.kafka.PacketDecodeOptions;
import io.frameflow.ingest.kafka.PacketDecodeStage;
import io.frameflow.operators.analytics.AnalyticsOptions;
import io.frameflow.operators.analytics.AnalyticsWindows;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Zone;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.sample.Sampling;
import io.frameflow.operators.sample.SamplingFunction;
import io.frameflow.operators.stage.DetectStage;
import io.frameflow.operators.stage.ModelStage;
import io.frameflow.operators.stage.ModelStages;
import io.frameflow.operators.time.EventTimeOptions;
import io.frameflow.operators.time.FrameWatermarks;
import io.frameflow.operators.track.AnnotationTracking;
import io.frameflow.operators.track.TrackerOptions;
import io.frameflow.operators.track.Tracking;
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
     * Where the job's outputs go. Every list may be empty, but a job needs at least one sink of
     * some kind.
     *
     * @param results frame results (with track ids when the job tracks)
     * @param deadLetters dead letters (they are logged and counted in any case)
     * @param windows window results; only with analytics windows
     * @param events track, zone and line events; only with tracking
     * @param video annotated frames; each sink is chained to the model stages, so the frames never
     *     leave the task that decoded them
     */
    public record Outputs(
            List<Sink<FrameResult>> results,
            List<Sink<DeadLetter>> deadLetters,
            List<Sink<WindowResult>> windows,
            List<Sink<TrackEvent>> events,
            List<Sink<AnnotatedFrame>> video) {
        public Outputs {
            results = List.copyOf(results);
            deadLetters = List.copyOf(deadLetters);
            windows = List.copyOf(windows);
            events = List.copyOf(events);
            video = List.copyOf(video);
        }

        /** Frame results and dead letters only. */
        public static Outputs of(
                List<Sink<FrameResult>> results, List<Sink<DeadLetter>> deadLetters) {
            return new Outputs(results, deadLetters, List.of(), List.of(), List.of());
        }

        /** These outputs with one more frame-result sink. */
        public Outputs withResults(Sink<FrameResult> sink) {
            return new Outputs(plus(results, sink), deadLetters, windows, events, video);
        }

        /** These outputs with one more dead-letter sink. */
        public Outputs withDeadLetters(Sink<DeadLetter> sink) {
            return new Outputs(results, plus(deadLetters, sink), windows, events, video);
        }

        /** These outputs with one more window-result sink. */
        public Outputs withWindows(Sink<WindowResult> sink) {
            return new Outputs(results, deadLetters, plus(windows, sink), events, video);
        }

        /** These outputs with one more event sink. */
        public Outputs withEvents(Sink<TrackEvent> sink) {
            return new Outputs(results, deadLetters, windows, plus(events, sink), video);
        }

        /** These outputs with one more annotated-video sink. */
        public Outputs withVideo(Sink<AnnotatedFrame> sink) {
            return new Outputs(results, deadLetters, windows, events, plus(video, sink));
        }

        /** Whether any sink takes results, windows, events or video (dead letters do not count). */
        boolean deliversAnything() {
            return !(results.isEmpty() && windows.isEmpty() && events.isEmpty() && video.isEmpty());
        }

        private static <T> List<T> plus(List<T> list, T item) {
            List<T> all = new java.util.ArrayList<>(list);
            all.add(Objects.requireNonNull(item, "sink"));
            return all;
        }
    }

    /**
     * Tracking and event-time analytics.
     *
     * @param tracker the per-stream tracker's settings
     * @param zones zones whose enter and exit events the tracker reports
     * @param lines lines whose crossings the tracker reports
     * @param windows the event-time windows over the tracked results and events (they count in the
     *     same zones and lines); null for tracking without windows
     */
    public record Analytics(
            TrackerOptions tracker,
            List<Zone> zones,
            List<CountingLine> lines,
            AnalyticsOptions windows) {
        public Analytics {
            Objects.requireNonNull(tracker, "tracker");
            zones = List.copyOf(zones);
            lines = List.copyOf(lines);
            if (windows != null
                    && (!windows.zones().equals(zones) || !windows.lines().equals(lines))) {
                throw new IllegalArgumentException(
                        "the windows must count in the zones and lines the tracker reports on");
            }
        }

        /** Tracking and windows over the zones and lines of {@code windows}. */
        public static Analytics of(TrackerOptions tracker, AnalyticsOptions windows) {
            return new Analytics(tracker, windows.zones(), windows.lines(), windows);
        }

        /** Tracking alone, with events for {@code zones} and {@code lines}. */
        public static Analytics trackingOnly(
                TrackerOptions tracker, List<Zone> zones, List<CountingLine> lines) {
            return new Analytics(tracker, zones, lines, null);
        }
    }

    /**
     * What the job is made of.
     *
     * @param source the video source (one split per stream); null when the job reads only Kafka
     * @param kafka the Kafka topics of encoded video (may be empty)
     * @param parallelism parallel instances of source and model stages (they are chained), and of
     *     the tracker and windows
     * @param stages the model stages, in pipeline order (restore, segment, detect in any order)
     * @param outputs where results, dead letters, windows, events and annotated video go
     * @param sampling the sampling rule of each stream that has one (max fps, every n-th)
     * @param eventTime watermarks: out-of-orderness and idleness of the streams' capture times
     * @param analytics tracking and windows; null for neither
     */
    public record Parts(
            Source<StreamItem, ?, ?> source,
            List<KafkaInput> kafka,
            int parallelism,
            List<ModelStage> stages,
            Outputs outputs,
            Map<String, Sampling> sampling,
            EventTimeOptions eventTime,
            Analytics analytics) {
        public Parts {
            kafka = kafka == null ? List.of() : List.copyOf(kafka);
            if (source == null && kafka.isEmpty()) {
                throw new IllegalArgumentException("a job needs a video source or a Kafka input");
            }
            sampling = Map.copyOf(sampling);
            Objects.requireNonNull(eventTime, "eventTime");
            stages = List.copyOf(stages);
            ModelStages.check(stages);
            Objects.requireNonNull(outputs, "outputs");
            if (!outputs.deliversAnything()) {
                throw new IllegalArgumentException(
                        "a job needs at least one sink of results, windows, events or video");
            }
            if (!outputs.events().isEmpty() && analytics == null) {
                throw new IllegalArgumentException("event sinks need tracking");
            }
            if (!outputs.windows().isEmpty()
                    && (analytics == null || analytics.windows() == null)) {
                throw new IllegalArgumentException("window-result sinks need analytics windows");
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
            }
        }

        /** Parts without analytics that send results and dead letters to the given sinks. */
        public Parts(
                Source<StreamItem, ?, ?> source,
                List<KafkaInput> kafka,
                int parallelism,
                List<ModelStage> stages,
                List<Sink<FrameResult>> resultSinks,
                List<Sink<DeadLetter>> deadLetterSinks,
                Map<String, Sampling> sampling,
                EventTimeOptions eventTime) {
            this(
                    source,
                    kafka,
                    parallelism,
                    stages,
                    Outputs.of(resultSinks, deadLetterSinks),
                    sampling,
                    eventTime,
                    null);
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
            return withOutputs(outputs.withResults(sink));
        }

        /** These parts with other outputs. */
        public Parts withOutputs(Outputs newOutputs) {
            return new Parts(
                    source, kafka, parallelism, stages, newOutputs, sampling, eventTime, analytics);
        }

        /** These parts with other model stages. */
        public Parts withStages(List<ModelStage> newStages) {
            return new Parts(
                    source, kafka, parallelism, newStages, outputs, sampling, eventTime, analytics);
        }

        /** These parts with other tracking and analytics (null for none). */
        public Parts withAnalytics(Analytics newAnalytics) {
            return new Parts(
                    source, kafka, parallelism, stages, outputs, sampling, eventTime, newAnalytics);
        }

        /** These parts with other watermark settings. */
        public Parts withEventTime(EventTimeOptions options) {
            return new Parts(
                    source, kafka, parallelism, stages, outputs, sampling, options, analytics);
        }
    }

    /** Name of the detection stage of parts built from a single detector. */
    public static final String DETECT_STAGE = "detect";

    private FrameflowJob() {}

    /** Adds the job's operators to {@code env}. */
    public static void build(StreamExecutionEnvironment env, Parts parts) {
        DataStream<StreamItem> items = inputs(env, parts);
        int parallelism = parts.parallelism();
        if (!parts.sampling().isEmpty()) {
            items =
                    items.process(new SamplingFunction(parts.sampling()))
                            .returns(StreamItemTypeInfoFactory.TYPE_INFO)
                            .name("sample")
                            .uid("frameflow-sample")
                            .setParallelism(parallelism);
        }

        Outputs outputs = parts.outputs();
        ModelStages.Chain chain =
                ModelStages.apply(items, parts.stages(), parallelism, !outputs.video().isEmpty());

        DataStream<FrameResult> results =
                chain.results()
                        .map(new ResultStatsFunction())
                        .returns(FrameResultTypeInfoFactory.TYPE_INFO)
                        .name("result-stats")
                        .uid("frameflow-result-stats")
                        .setParallelism(parallelism);
        DataStream<DeadLetter> rejected = chain.deadLetters();
        DataStream<TrackEvent> events = null;
        DataStream<WindowResult> windows = null;
        Analytics analytics = parts.analytics();
        if (analytics != null) {
            Tracking tracking =
                    Tracking.apply(
                            results,
                            analytics.tracker(),
                            analytics.zones(),
                            analytics.lines(),
                            parallelism);
            results = tracking.results();
            events = tracking.events();
            if (analytics.windows() != null) {
                AnalyticsWindows.Windows w =
                        AnalyticsWindows.apply(results, events, analytics.windows(), parallelism);
                windows = w.results();
                rejected = rejected.union(w.deadLetters());
            }
        }
        sinkAll(results, outputs.results(), "results");
        if (events != null) {
            sinkAll(events, outputs.events(), "events");
        }
        if (windows != null) {
            sinkAll(windows, outputs.windows(), "windows");
        }
        if (chain.annotated() != null) {
            annotatedVideo(chain.annotated(), analytics, outputs.video(), parallelism);
        }

        DataStream<DeadLetter> deadLetters =
                rejected.map(new DeadLetterReporter())
                        .returns(DeadLetterTypeInfoFactory.TYPE_INFO)
                        .name("dead-letter-report")
                        .uid("frameflow-dead-letter-report")
                        .setParallelism(parallelism);
        sinkAll(deadLetters, outputs.deadLetters(), "dead-letters");
    }

    /**
     * The annotated-video sinks, chained to the last model stage: the frames stay in the task that
     * decoded them. With tracking, a copy of the tracker runs there too (its own state, in the same
     * task) so that the video shows the track ids the results carry.
     */
    private static void annotatedVideo(
            DataStream<AnnotatedFrame> annotated,
            Analytics analytics,
            List<Sink<AnnotatedFrame>> sinks,
            int parallelism) {
        DataStream<AnnotatedFrame> frames = annotated;
        if (analytics != null) {
            frames =
                    AnnotationTracking.apply(
                            annotated,
                            analytics.tracker(),
                            analytics.zones(),
                            analytics.lines(),
                            parallelism);
        }
        for (int i = 0; i < sinks.size(); i++) {
            frames.sinkTo(sinks.get(i))
                    .name("video-" + i)
                    .uid("frameflow-video-" + i)
                    .setParallelism(parallelism);
        }
    }

    private static <T> void sinkAll(DataStream<T> stream, List<Sink<T>> sinks, String name) {
        for (int i = 0; i < sinks.size(); i++) {
            stream.sinkTo(sinks.get(i)).name(name + "-" + i).uid("frameflow-" + name + "-" + i);
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
