package io.frameflow.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.EncodedPacket;
import io.frameflow.common.FrameResult;
import io.frameflow.common.WindowResult;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.it.kafka.KafkaBroker;
import io.frameflow.it.kafka.VideoPackets;
import io.frameflow.it.postgres.PostgresServer;
import io.frameflow.jobs.assembly.FrameflowJob;
import io.frameflow.jobs.assembly.PipelineResolver;
import io.frameflow.jobs.assembly.ResolvedPipeline;
import io.frameflow.jobs.spec.PipelineSpecParser;
import io.frameflow.operators.stage.DetectStage;
import io.frameflow.operators.stage.ModelStage;
import io.frameflow.sinks.jdbc.PostgresSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FrameFlow's exactly-once claim, end to end, made hard to fool. Real H.264 video of two streams
 * goes into a Kafka topic; a job built from a pipeline file, as {@code frameflow run} builds it,
 * reads it (until the offsets that were latest when it started), detects objects with the real
 * nanodet-coco model, tracks them, computes event-time windows over zones and lines, and writes
 * frame results, window results and track events to Kafka with exactly-once delivery and to
 * PostgreSQL. The job runs twice over the same input: once without failures (the baseline), once
 * with tasks killed at least {@value #FAILURES} times at random points (seed printed; set {@code
 * FRAMEFLOW_FAULT_SEED} to repeat a run): in the model stage while it analyses a frame, and in the
 * PostgreSQL writers while they write a frame's rows or a window's. After each failure Flink
 * restarts the job from its last checkpoint.
 *
 * <p>Checked, with the counts printed: every published frame has exactly one result in the Kafka
 * results topic read with {@code read_committed} (lost and duplicate counts both 0), and exactly
 * one row in PostgreSQL; every result, with its track ids, is byte for byte the baseline's; the
 * track events and window results in Kafka are the baseline's, each once; the PostgreSQL tables of
 * frames, detections, windows and events hold exactly the baseline's rows.
 */
class ExactlyOnceFaultITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FRAMES = 150;
    private static final int GOP = 10;
    private static final List<String> STREAMS = List.of("cam-a", "cam-b");

    /** Failures injected in the faulty run, in all. */
    private static final int FAILURES = 6;

    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    @TempDir static Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = KafkaBroker.start();
        postgres = PostgresServer.start(dir.resolve("pg"));
        kafka.createTopic("video", 2);
        List<EncodedPacket> packets = VideoPackets.encode(dir, 320, 240, FRAMES, GOP);
        VideoPackets.publish(kafka.bootstrapServers(), "video", packets, STREAMS, 0);
    }

    @AfterAll
    static void stopServers() {
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyFrameAndEveryWindowOnceDespiteKilledTasks() throws Exception {
        long seed =
                Long.parseLong(
                        System.getenv()
                                .getOrDefault(
                                        "FRAMEFLOW_FAULT_SEED",
                                        String.valueOf(System.nanoTime() % 1_000_000)));
        System.out.println("fault test seed " + seed + " (FRAMEFLOW_FAULT_SEED to repeat)");

        FailurePlan.reset();
        run("base", false);
        assertThat(FailurePlan.happened()).isEmpty();

        Random random = new Random(seed);
        FailurePlan.reset();
        FailingPredictorFactory.reset();
        // the model stage: at random frames among all those predicted (replays count too)
        for (int n : FailurePlan.spread(random, 3, 20, STREAMS.size() * FRAMES - 20, 25)) {
            FailurePlan.plan("model:" + n);
        }
        // the PostgreSQL writers: a random frame of each stream, and a random window
        for (String stream : STREAMS) {
            FailurePlan.plan("frames:" + stream + "#" + (10 + random.nextInt(FRAMES - 20)));
        }
        FailurePlan.plan("windows:" + STREAMS.get(random.nextInt(STREAMS.size())) + "#count#1");
        System.out.println("planned failures: " + FailurePlan.pending());
        FailurePlan.arm();
        long started = System.nanoTime();
        run("fault", true);
        System.out.printf(
                "faulty run took %.1f s; failures injected: %s%n",
                (System.nanoTime() - started) / 1e9, FailurePlan.happened());
        assertThat(FailurePlan.happened())
                .as("failures that happened (pending: %s)", FailurePlan.pending())
                .hasSizeGreaterThanOrEqualTo(5);

        compareResults();
        compareRecords("windows");
        compareRecords("events");
        comparePostgres();
    }

    /** Runs the pipeline into topics and tables named after {@code name}. */
    private void run(String name, boolean faults) throws Exception {
        for (String topic : List.of("results", "windows", "events")) {
            kafka.createTopic(name + "-" + topic, 2);
        }
        String yaml =
                """
                name: fault-%1$s
                sources:
                  - kafka: { bootstrap: "%2$s", topic: video, group: %1$s, start: earliest, until: latest }
                stages:
                  - detect: { model: nanodet-coco, threshold: 0.35, batch-size: 1 }
                tracking: { min-hits: 2, max-lost: 1s }
                analytics:
                  windows:
                    - tumbling: 1s
                    - sliding: { size: 2s, slide: 500ms }
                  zones:
                    - id: left
                      polygon: [[0, 0], [160, 0], [160, 240], [0, 240]]
                  lines:
                    - id: middle
                      from: [160, 0]
                      to: [160, 240]
                sinks:
                  - kafka: { bootstrap: "%2$s", topic: %1$s-results, windows-topic: %1$s-windows, events-topic: %1$s-events, delivery: exactly-once }
                  - postgres: { url: "%3$s", user: %4$s, password: "%5$s", table-prefix: %1$s_ }
                watermarks: { idleness: 1m }
                execution: { parallelism: 2, checkpoint-interval: 300ms }
                """
                        .formatted(
                                name,
                                kafka.bootstrapServers(),
                                postgres.jdbcUrl(),
                                postgres.user(),
                                postgres.password());
        ResolvedPipeline resolved =
                new PipelineResolver(
                                ModelStore.builtIn(),
                                FrameflowCache.fromEnvironment(),
                                ProgressListener.NONE)
                        .resolve(PipelineSpecParser.parse(yaml, name + ".yaml"), name + ".yaml");
        FrameflowJob.Parts parts = resolved.parts();
        if (faults) {
            parts = withFailures(parts);
        }
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, resolved.checkpointInterval());
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parts.parallelism());
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parts.parallelism());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, FAILURES + 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(300));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        FrameflowJob.build(env, parts);
        env.execute("fault-" + name);
    }

    /**
     * The parts with the model stage and the PostgreSQL writers wrapped so that they fail at the
     * planned points. Everything else is what the pipeline file made.
     */
    @SuppressWarnings("unchecked")
    private static FrameflowJob.Parts withFailures(FrameflowJob.Parts parts) {
        List<ModelStage> stages = new ArrayList<>();
        for (ModelStage stage : parts.stages()) {
            if (stage instanceof DetectStage d) {
                stages.add(
                        new DetectStage(
                                d.name(),
                                new FailingPredictorFactory<>(d.detector()),
                                d.batch(),
                                d.on(),
                                d.cropPadding()));
            } else {
                stages.add(stage);
            }
        }
        FrameflowJob.Outputs o = parts.outputs();
        List<Sink<FrameResult>> results = new ArrayList<>();
        for (Sink<FrameResult> s : o.results()) {
            results.add(
                    s instanceof PostgresSink<?>
                            ? new FailingSink<>(s, "frames", r -> r.streamId() + "#" + r.seq())
                            : s);
        }
        List<Sink<WindowResult>> windows = new ArrayList<>();
        for (Sink<WindowResult> s : o.windows()) {
            windows.add(
                    s instanceof PostgresSink<?>
                            ? new FailingSink<>(
                                    s,
                                    "windows",
                                    w ->
                                            w.streamId()
                                                    + "#"
                                                    + w.kind().wireName()
                                                    + "#"
                                                    + w.windowStartMillis() / 1000)
                            : s);
        }
        return parts.withStages(stages)
                .withOutputs(
                        new FrameflowJob.Outputs(
                                results, o.deadLetters(), windows, o.events(), o.video()));
    }

    /** The results topics: each frame once in the faulty run, and equal to the baseline. */
    private void compareResults() throws Exception {
        int expected = STREAMS.size() * FRAMES;
        Map<String, List<String>> base = results("base");
        Map<String, List<String>> fault = results("fault");
        int lost = 0;
        int duplicates = 0;
        int differing = 0;
        List<String> examples = new ArrayList<>();
        for (String stream : STREAMS) {
            for (int seq = 0; seq < FRAMES; seq++) {
                String key = stream + "#" + seq;
                List<String> got = fault.getOrDefault(key, List.of());
                lost += got.isEmpty() ? 1 : 0;
                duplicates += Math.max(0, got.size() - 1);
                List<String> want = base.getOrDefault(key, List.of());
                if (got.size() != 1) {
                    examples.add(key + " has " + got.size() + " results");
                } else if (!want.isEmpty() && !got.get(0).equals(want.get(0))) {
                    differing++;
                    examples.add(key + " is " + got.get(0) + " instead of " + want.get(0));
                }
            }
        }
        examples.stream().limit(5).forEach(e -> System.out.println("  " + e));
        long tracked =
                base.values().stream()
                        .flatMap(List::stream)
                        .filter(v -> v.contains("\"track_id\""))
                        .count();
        System.out.printf(
                "Kafka results (read_committed): %d frames published, %d results, %d lost, %d"
                        + " duplicates, %d differ from the failure-free run (%d of whose results"
                        + " carry track ids)%n",
                expected,
                fault.values().stream().mapToInt(List::size).sum(),
                lost,
                duplicates,
                differing,
                tracked);
        assertThat(base).as("baseline results").hasSize(expected);
        assertThat(base.values()).allSatisfy(v -> assertThat(v).hasSize(1));
        assertThat(tracked).as("baseline results with tracked objects").isGreaterThan(FRAMES);
        assertThat(lost).as("frames without a result").isZero();
        assertThat(duplicates).as("frames with more than one result").isZero();
        assertThat(differing).as("results that differ from the failure-free run").isZero();
    }

    /** The results of run {@code name}, by stream#seq, as JSON text. */
    private static Map<String, List<String>> results(String name) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records =
                kafka.consumeAll(name + "-results", Duration.ofSeconds(60), true);
        Map<String, List<String>> byFrame = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            JsonNode v = JSON.readTree(value);
            byFrame.computeIfAbsent(
                            v.get("stream").asText() + "#" + v.get("seq").asLong(),
                            k -> new ArrayList<>())
                    .add(value);
        }
        return byFrame;
    }

    /**
     * The window results or track events of the faulty run in Kafka ({@code read_committed}) are
     * the baseline's records, each exactly as often (once: every record has its own identity).
     */
    private void compareRecords(String kind) throws Exception {
        Map<String, Integer> base = records("base-" + kind);
        Map<String, Integer> fault = records("fault-" + kind);
        int lost = 0;
        int duplicates = 0;
        for (Map.Entry<String, Integer> e : base.entrySet()) {
            int n = fault.getOrDefault(e.getKey(), 0);
            lost += Math.max(0, e.getValue() - n);
            duplicates += Math.max(0, n - e.getValue());
        }
        int unknown = 0;
        for (Map.Entry<String, Integer> e : fault.entrySet()) {
            unknown += base.containsKey(e.getKey()) ? 0 : e.getValue();
        }
        System.out.printf(
                "Kafka %s (read_committed): %d in the failure-free run, %d after the faults: %d"
                        + " lost, %d duplicates, %d not in the failure-free run%n",
                kind,
                base.values().stream().mapToInt(Integer::intValue).sum(),
                fault.values().stream().mapToInt(Integer::intValue).sum(),
                lost,
                duplicates,
                unknown);
        assertThat(base).as("baseline %s", kind).isNotEmpty();
        assertThat(base.values()).as("each baseline record once").allMatch(n -> n == 1);
        assertThat(lost).as("%s lost", kind).isZero();
        assertThat(duplicates).as("%s duplicated", kind).isZero();
        assertThat(unknown).as("%s that differ from the failure-free run", kind).isZero();
    }

    /** How often each record (its JSON text) appears in {@code topic}, read committed. */
    private static Map<String, Integer> records(String topic) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.consumeAll(topic, Duration.ofSeconds(60), true)) {
            counts.merge(new String(r.value(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
        return counts;
    }

    /** Each PostgreSQL table of the faulty run holds exactly the baseline's rows. */
    private void comparePostgres() throws Exception {
        try (Connection c = postgres.connect();
                Statement s = c.createStatement()) {
            long frames = count(s, "SELECT count(*) FROM fault_frames");
            long distinct = count(s, "SELECT count(DISTINCT (stream, seq)) FROM fault_frames");
            System.out.printf(
                    "PostgreSQL: %d frame rows for %d frames (%d lost, %d duplicate keys)%n",
                    frames,
                    STREAMS.size() * FRAMES,
                    STREAMS.size() * FRAMES - distinct,
                    frames - distinct);
            assertThat(frames).isEqualTo(STREAMS.size() * FRAMES);
            for (String table : List.of("frames", "detections", "windows", "events")) {
                long baseRows = count(s, "SELECT count(*) FROM base_" + table);
                long missing =
                        count(
                                s,
                                "SELECT count(*) FROM (SELECT * FROM base_"
                                        + table
                                        + " EXCEPT ALL SELECT * FROM fault_"
                                        + table
                                        + ") x");
                long extra =
                        count(
                                s,
                                "SELECT count(*) FROM (SELECT * FROM fault_"
                                        + table
                                        + " EXCEPT ALL SELECT * FROM base_"
                                        + table
                                        + ") x");
                System.out.printf(
                        "PostgreSQL %s: %d rows in the failure-free run, %d missing and %d extra"
                                + " or different after the faults%n",
                        table, baseRows, missing, extra);
                assertThat(baseRows).as("rows of base_%s", table).isPositive();
                assertThat(missing).as("rows of %s lost", table).isZero();
                assertThat(extra).as("rows of %s extra or different", table).isZero();
            }
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
