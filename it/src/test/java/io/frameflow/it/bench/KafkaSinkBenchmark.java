package io.frameflow.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.it.kafka.KafkaBroker;
import io.frameflow.sinks.json.FrameResultJson;
import io.frameflow.sinks.kafka.KafkaResultSink;
import io.frameflow.sinks.kafka.SchemaHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Results per second into Kafka, exactly-once against at-least-once, measured in one run: a
 * MiniCluster job turns a number sequence into synthetic frame results (8 streams, 1080p frames, 5
 * tracked detections each, about 700 bytes of JSON) and writes them with {@link KafkaResultSink} to
 * a fresh topic of a real broker (in-process KRaft, or Docker). Rounds alternate the guarantee (and
 * which goes first) at each checkpoint interval; each round's count is verified by reading the
 * topic back ({@code read_committed} for exactly-once): every result exactly once for exactly-once,
 * at least once for at-least-once. The rate is counted from the first result made to the end of the
 * job, which for exactly-once includes committing the last transaction. Prints each round, then the
 * median results/s of each guarantee, their ratio EO/ALO per interval, and the median of the
 * rounds' own ratios (the two runs of a round run back to back, under the same load).
 *
 * <p>Not a test; run it from the repository root after {@code mvn -B -q -pl it -am test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 *
 * <pre>
 * java -Xmx3g -cp it/target/test-classes:it/target/classes:$(cat it/target/cp.txt) \
 *   io.frameflow.it.bench.KafkaSinkBenchmark [RESULTS [ROUNDS [PARALLELISM [INTERVALS]]]]
 * </pre>
 *
 * INTERVALS is a comma-separated list of checkpoint intervals in milliseconds, default 1000,200.
 */
public final class KafkaSinkBenchmark {
    private static final int STREAMS = 8;
    private static final int PARTITIONS = 4;
    private static final AtomicLong FIRST_NANOS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaSinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int results = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<Duration> intervals = new ArrayList<>();
        for (String ms : (args.length > 3 ? args[3] : "1000,200").split(",")) {
            intervals.add(Duration.ofMillis(Long.parseLong(ms.strip())));
        }
        System.out.printf(
                "%d results per round (%d bytes of JSON each), %d rounds per guarantee and"
                        + " interval, parallelism %d, %d partitions, %d cores%n",
                results,
                FrameResultJson.toBytes(result(12_345, System.currentTimeMillis())).length,
                rounds,
                parallelism,
                PARTITIONS,
                Runtime.getRuntime().availableProcessors());
        try (KafkaBroker kafka = KafkaBroker.start()) {
            System.out.println("broker: " + kafka.kind());
            // a first job warms up the JIT, Flink and the broker; its figure is not counted
            run(
                    kafka,
                    "warm-up",
                    DeliveryGuarantee.AT_LEAST_ONCE,
                    intervals.get(0),
                    results / 4,
                    parallelism);
            List<String> summary = new ArrayList<>();
            for (Duration interval : intervals) {
                List<Double> alo = new ArrayList<>();
                List<Double> eo = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    boolean eoFirst = round % 2 == 1;
                    for (int i = 0; i < 2; i++) {
                        boolean exactlyOnce = (i == 0) == eoFirst;
                        DeliveryGuarantee g =
                                exactlyOnce
                                        ? DeliveryGuarantee.EXACTLY_ONCE
                                        : DeliveryGuarantee.AT_LEAST_ONCE;
                        String topic =
                                "bench-" + interval.toMillis() + "ms-" + g.name() + "-" + round;
                        double rate = run(kafka, topic, g, interval, results, parallelism);
                        (exactlyOnce ? eo : alo).add(rate);
                    }
                    // the two runs of a round ran back to back, under the same load
                    ratios.add(eo.get(round) / alo.get(round));
                }
                double medianAlo = median(alo);
                double medianEo = median(eo);
                summary.add(
                        String.format(
                                "checkpoint interval %5d ms: at-least-once %8.0f results/s,"
                                        + " exactly-once %8.0f results/s, EO/ALO = %.2f"
                                        + " (median of the rounds' own EO/ALO: %.2f)",
                                interval.toMillis(),
                                medianAlo,
                                medianEo,
                                medianEo / medianAlo,
                                median(ratios)));
            }
            System.out.println("medians:");
            summary.forEach(System.out::println);
        }
    }

    /** Runs one job into a fresh topic, verifies the topic, and returns results/s. */
    private static double run(
            KafkaBroker kafka,
            String topic,
            DeliveryGuarantee guarantee,
            Duration interval,
            int results,
            int parallelism)
            throws Exception {
        kafka.createTopic(topic, PARTITIONS);
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.fromSequence(0, results - 1)
                .map(new MakeResult())
                .returns(FrameResultTypeInfoFactory.TYPE_INFO)
                .sinkTo(
                        KafkaResultSink.builder()
                                .bootstrapServers(kafka.bootstrapServers())
                                .topic(topic)
                                .deliveryGuarantee(guarantee)
                                .transactionalIdPrefix(topic)
                                .checkpointInterval(interval)
                                .build());
        FIRST_NANOS.set(0);
        env.execute(topic);
        double seconds = (System.nanoTime() - FIRST_NANOS.get()) / 1e9;
        double rate = results / seconds;
        boolean exactlyOnce = guarantee == DeliveryGuarantee.EXACTLY_ONCE;
        Count count = count(kafka.bootstrapServers(), topic, results, exactlyOnce);
        System.out.printf(
                "%-38s %-13s %8.0f results/s (%.2f s); read back%s: %d records, %d distinct,"
                        + " %d missing%n",
                topic,
                exactlyOnce ? "exactly-once" : "at-least-once",
                rate,
                seconds,
                exactlyOnce ? " read_committed" : "",
                count.records,
                count.distinct,
                results - count.distinct);
        if (count.distinct != results || (exactlyOnce && count.records != results)) {
            throw new IllegalStateException(
                    topic + ": expected " + results + " results, read " + count);
        }
        return rate;
    }

    private record Count(long records, int distinct) {}

    /** Reads the whole topic back, checking each record's header and identity. */
    private static Count count(
            String bootstrap, String topic, int expected, boolean readCommitted) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                readCommitted ? "read_committed" : "read_uncommitted");
        BitSet seen = new BitSet(expected);
        long records = 0;
        long idleSince = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (true) {
                var batch = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    if (!SchemaHeader.FRAME_RESULT.equals(SchemaHeader.read(r.headers()))) {
                        throw new IllegalStateException(topic + ": a record without its header");
                    }
                    seen.set(index(r.value()));
                    records++;
                }
                long now = System.nanoTime();
                if (!batch.isEmpty()) {
                    idleSince = now;
                } else if ((seen.cardinality() >= expected && now - idleSince > 2_000_000_000L)
                        || now - idleSince > 30_000_000_000L) {
                    // all in and 2 s without a late duplicate, or 30 s without anything
                    break;
                }
            }
        }
        return new Count(records, seen.cardinality());
    }

    private static int index(byte[] value) {
        try {
            JsonNode json = JSON.readTree(value);
            int stream = Integer.parseInt(json.get("stream").asText().substring(4));
            return (int) (json.get("seq").asLong() * STREAMS + stream);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable result", e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Result {@code i}: stream i mod 8, frame i / 8 at 25 fps from {@code startMillis}, five
     * tracked people. The capture time becomes the record timestamp, so it must be recent: the
     * broker's retention deletes older records.
     */
    static FrameResult result(long i, long startMillis) {
        int stream = (int) (i % STREAMS);
        long seq = i / STREAMS;
        List<Detection> people = new ArrayList<>(5);
        for (int d = 0; d < 5; d++) {
            float x = 100 + d * 300 + (seq % 50);
            float y = 200 + d * 40;
            people.add(
                    new Detection(
                            "person",
                            0,
                            0.55f + d * 0.08f,
                            x,
                            y,
                            x + 120.5f,
                            y + 310.25f,
                            List.of(),
                            seq / 100 * 5 + d + 1));
        }
        return new FrameResult(
                "cam-" + stream,
                seq,
                seq * 40_000,
                startMillis + seq * 40,
                TimeSource.ARRIVAL,
                1920,
                1080,
                false,
                "nanodet-coco@3.0.4",
                people);
    }

    /** Makes result {@code i} and notes when the first result of the job was made. */
    private static final class MakeResult implements MapFunction<Long, FrameResult> {
        private final long startMillis = System.currentTimeMillis();

        @Override
        public FrameResult map(Long i) {
            FIRST_NANOS.compareAndSet(0, System.nanoTime());
            return result(i, startMillis);
        }
    }
}
