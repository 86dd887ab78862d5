package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.it.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline whose results go to a real Kafka broker (in Docker where it runs, else in-process
 * KRaft): one record per frame, keyed by stream, the same JSON as the files.
 */
class KafkaEndToEndITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaBroker kafka;

    @TempDir Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private Cli.Result runTo(String topic, String delivery, long frames) {
        kafka.createTopic(topic, 2);
        Path pipeline =
                Cli.pipeline(
                        dir,
                        """
                        name: kafka-e2e
                        sources:
                          - uri: sample:vtest.avi
                            max-frames: %d
                        stages:
                          - detect: { model: nanodet-coco, threshold: 0.35 }
                        sinks:
                          - kafka: { bootstrap: "%s", topic: %s, delivery: %s }
                          - jsonl: { path: %s }
                        execution: { checkpoint-interval: 1s }
                        """
                                .formatted(
                                        frames,
                                        kafka.bootstrapServers(),
                                        topic,
                                        delivery,
                                        dir.resolve("out")));
        return Cli.run("run", pipeline.toString());
    }

    @Test
    void everyFrameBecomesOneRecordKeyedByStream() throws Exception {
        Cli.Result run = runTo("results-alo", "at-least-once", 40);
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("Results: kafka topic results-alo at " + kafka.bootstrapServers());

        List<ConsumerRecord<byte[], byte[]>> records =
                kafka.consume("results-alo", 40, Duration.ofSeconds(30), false);
        assertThat(records).hasSize(40);
        List<JsonNode> values = records.stream().map(KafkaEndToEndITCase::value).toList();
        assertThat(values.stream().map(v -> v.get("seq").asLong()))
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 40).boxed().toList());
        for (ConsumerRecord<byte[], byte[]> r : records) {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("vtest");
        }
        // one key: one partition, in frame order
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
        assertThat(values.stream().map(v -> v.get("seq").asLong()).toList()).isSorted();
        // the same results as the file sink of the same run
        assertThat(Cli.readJsonLines(dir.resolve("out")))
                .containsExactlyInAnyOrderElementsOf(values);
    }

    @Test
    void exactlyOnceRecordsAreVisibleToReadCommittedConsumersOnce() throws Exception {
        Cli.Result run = runTo("results-eo", "exactly-once", 30);
        assertThat(run.exit()).as(run.toString()).isZero();

        List<ConsumerRecord<byte[], byte[]>> records =
                kafka.consume("results-eo", 31, Duration.ofSeconds(15), true);
        assertThat(records.stream().map(r -> value(r).get("seq").asLong()))
                .containsExactlyElementsOf(LongStream.range(0, 30).boxed().toList());
    }

    @Test
    void deadLettersGoToTheirOwnTopicKeyedByStream() throws Exception {
        kafka.createTopic("results-dl", 1);
        kafka.createTopic("dead-letters", 1);
        Path pipeline =
                Cli.pipeline(
                        dir,
                        """
                        name: kafka-dead-letters
                        sources:
                          - { uri: "sample:vtest.avi", max-frames: 5 }
                          - { id: gate, uri: "rtsp://127.0.0.1:1/gate", reconnect: { max-attempts: 1 } }
                        stages:
                          - detect: { model: nanodet-coco }
                        sinks:
                          - kafka: { bootstrap: "%s", topic: results-dl, dead-letter-topic: dead-letters }
                        """
                                .formatted(kafka.bootstrapServers()));

        Cli.Result run = Cli.run("run", pipeline.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        List<ConsumerRecord<byte[], byte[]>> letters =
                kafka.consume("dead-letters", 1, Duration.ofSeconds(30), false);
        assertThat(letters).hasSize(1);
        assertThat(new String(letters.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("gate");
        JsonNode letter = value(letters.get(0));
        assertThat(letter.get("stage").asText()).isEqualTo("open");
        assertThat(letter.get("reason").asText()).contains("rtsp://127.0.0.1:1/gate");
        assertThat(letter.get("fatal").asBoolean()).isTrue();
        assertThat(kafka.consume("results-dl", 5, Duration.ofSeconds(30), false)).hasSize(5);
    }

    private static JsonNode value(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
