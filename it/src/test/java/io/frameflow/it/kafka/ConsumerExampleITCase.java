package io.frameflow.it.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import example.ResultsConsumer;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.WindowResult;
import io.frameflow.sinks.kafka.FrameResultKafkaSerializer;
import io.frameflow.sinks.kafka.SchemaHeader;
import io.frameflow.sinks.kafka.WindowResultKafkaSerializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The consumer example of {@code examples/consumer} against records as the Kafka sinks write them:
 * it prints persons per frame and window results, skips what it cannot read with a reason, and
 * never shows a record of an aborted transaction.
 */
class ConsumerExampleITCase {
    private static final long NOW = System.currentTimeMillis() / 1000 * 1000;

    @Test
    void printsPersonsPerFrameAndWindowsOfCommittedRecordsOnly() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start()) {
            kafka.createTopic("results", 1);
            kafka.createTopic("windows", 1);
            FrameResultKafkaSerializer results = new FrameResultKafkaSerializer("results");
            try (KafkaProducer<byte[], byte[]> producer = producer(kafka.bootstrapServers())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(results.serialize(frame(0, 2), null, null));
                producer.send(results.serialize(frame(1, 0), null, null));
                producer.send(
                        new WindowResultKafkaSerializer("windows").serialize(window(), null, null));
                ProducerRecord<byte[], byte[]> future = results.serialize(frame(2, 1), null, null);
                future.headers().remove(SchemaHeader.NAME);
                future.headers().add(new RecordHeader(SchemaHeader.NAME, bytes("frame-result/2")));
                producer.send(future);
                producer.send(new ProducerRecord<>("results", bytes("cam-1"), bytes("{}")));
                producer.commitTransaction();

                producer.beginTransaction();
                producer.send(results.serialize(frame(99, 5), null, null));
                producer.flush();
                producer.abortTransaction();
            }

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            new ResultsConsumer(new PrintStream(printed, true, StandardCharsets.UTF_8), "person")
                    .run(
                            kafka.bootstrapServers(),
                            List.of("results", "windows"),
                            true,
                            Duration.ofSeconds(5));
            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
            System.out.println(String.join("\n", lines));

            String at = Instant.ofEpochMilli(NOW).toString();
            assertThat(lines)
                    .containsExactlyInAnyOrder(
                            "cam-1 frame 0 at " + at + ": 2 person",
                            "cam-1 frame 1 at " + Instant.ofEpochMilli(NOW + 40) + ": 0 person",
                            "skipped results-0@2: schema frame-result/2, this consumer reads"
                                    + " [frame-result/1, window-result/1]",
                            "skipped results-0@3: no frameflow-schema header",
                            "cam-1 occupancy window ["
                                    + at
                                    + ", "
                                    + Instant.ofEpochMilli(NOW + 60_000)
                                    + ") person in zone door: entries=4 frames=1500 max=3"
                                    + " mean=1.25 tracks=6 (revision 1)");
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "consumer-example-test");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static FrameResult frame(long seq, int persons) {
        List<Detection> detections = new java.util.ArrayList<>();
        for (int i = 0; i < persons; i++) {
            detections.add(new Detection("person", 0, 0.8f, 10, 10, 50, 90, List.of(), i + 1));
        }
        detections.add(new Detection("car", 2, 0.7f, 100, 100, 200, 150));
        return new FrameResult(
                "cam-1",
                seq,
                seq * 40_000,
                NOW + seq * 40,
                TimeSource.ARRIVAL,
                1280,
                720,
                false,
                "nanodet-coco@3.0.4",
                detections);
    }

    private static WindowResult window() {
        return new WindowResult(
                WindowResult.Kind.OCCUPANCY,
                "cam-1",
                NOW,
                NOW + 60_000,
                "door",
                "person",
                1,
                Map.of("frames", 1500.0, "mean", 1.25, "max", 3.0, "tracks", 6.0, "entries", 4.0));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
