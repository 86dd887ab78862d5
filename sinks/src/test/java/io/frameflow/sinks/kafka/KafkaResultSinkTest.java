package io.frameflow.sinks.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import io.frameflow.common.TrackEvent;
import io.frameflow.common.WindowResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Records of every kind the Kafka sinks write, their headers, and the builder's checks. */
class KafkaResultSinkTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long WALL = 1_763_800_000_000L;

    @Test
    void frameResultsNameTheirSchemaInAHeader() {
        ProducerRecord<byte[], byte[]> record =
                new FrameResultKafkaSerializer("results")
                        .serialize(
                                new FrameResult(
                                        "lobby",
                                        7,
                                        0,
                                        WALL,
                                        TimeSource.ARRIVAL,
                                        64,
                                        48,
                                        false,
                                        "m@1",
                                        List.of()),
                                null,
                                null);
        assertThat(SchemaHeader.read(record.headers())).isEqualTo("frame-result/1");
        assertThat(record.headers().headers(SchemaHeader.NAME)).hasSize(1);
    }

    @Test
    void windowResultsAreKeyedByStreamWithTheirSchemaAndWindowEnd() throws Exception {
        WindowResult window =
                new WindowResult(
                        WindowResult.Kind.CROSSINGS,
                        "gate-1",
                        WALL,
                        WALL + 60_000,
                        "line-a",
                        "person",
                        1,
                        Map.of("in", 2.0, "out", 1.0, "total", 3.0));
        ProducerRecord<byte[], byte[]> record =
                new WindowResultKafkaSerializer("analytics").serialize(window, null, null);
        assertThat(record.topic()).isEqualTo("analytics");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("gate-1");
        assertThat(record.timestamp()).isEqualTo(WALL + 60_000);
        assertThat(SchemaHeader.read(record.headers())).isEqualTo("window-result/1");
        JsonNode json = MAPPER.readTree(record.value());
        assertThat(json.get("line").asText()).isEqualTo("line-a");
        assertThat(json.get("revision").asInt()).isEqualTo(1);
        assertThat(json.at("/values/total").asLong()).isEqualTo(3);
    }

    @Test
    void trackEventsAreKeyedByStreamWithTheirSchemaAndEventTime() throws Exception {
        ProducerRecord<byte[], byte[]> record =
                new TrackEventKafkaSerializer("events").serialize(event(WALL + 40), null, null);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("gate-1");
        assertThat(record.timestamp()).isEqualTo(WALL + 40);
        assertThat(SchemaHeader.read(record.headers())).isEqualTo("track-event/1");
        assertThat(MAPPER.readTree(record.value()).get("type").asText()).isEqualTo("zone_enter");
    }

    @Test
    void mediaTimeIsNotUsedAsTimestampOfAnalytics() {
        assertThat(
                        new TrackEventKafkaSerializer("events")
                                .serialize(event(40_000), null, null)
                                .timestamp())
                .as("a file's media time would date the record in 1970")
                .isNull();
        WindowResult fileWindow =
                new WindowResult(
                        WindowResult.Kind.COUNT, "vtest", 0, 10_000, "", "person", 0, Map.of());
        assertThat(
                        new WindowResultKafkaSerializer("w")
                                .serialize(fileWindow, null, null)
                                .timestamp())
                .isNull();
    }

    @Test
    void everySinkBuildsBesideTheOthersWithItsOwnTopic() {
        KafkaResultSink.Builder builder = exactlyOnce().checkpointInterval(Duration.ofSeconds(10));
        assertThatCode(
                        () -> {
                            builder.build();
                            builder.buildForWindowResults("analytics");
                            builder.buildForTrackEvents("events");
                            builder.buildForDeadLetters("dead");
                        })
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> builder.buildForTrackEvents("events/all"))
                .hasMessage(
                        "kafka sink: track-event topic 'events/all' is not a valid Kafka topic"
                                + " name (1-249 of letters, digits, '.', '_', '-')");
        assertThatThrownBy(() -> builder.buildForWindowResults(null))
                .hasMessageContaining("window-result topic 'null'");
    }

    @Test
    void transactionTimeoutMustBeAboveCheckpointIntervalPlusRestart() {
        assertThatThrownBy(() -> exactlyOnce().checkpointInterval(Duration.ofMinutes(11)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "kafka sink: transaction-timeout 15m must be above the checkpoint interval"
                                + " 11m + a restart allowance of 5m = 16m:")
                .hasMessageContaining("transaction.max.timeout.ms");
        // equal is not above
        assertThatThrownBy(
                        () ->
                                exactlyOnce()
                                        .transactionTimeout(Duration.ofSeconds(90))
                                        .restartAllowance(Duration.ofSeconds(60))
                                        .checkpointInterval(Duration.ofSeconds(30))
                                        .buildForWindowResults("analytics"))
                .hasMessageStartingWith(
                        "kafka sink: transaction-timeout 1m30s must be above the checkpoint"
                                + " interval 30s + a restart allowance of 1m = 1m30s:");
        assertThatCode(
                        () ->
                                exactlyOnce()
                                        .transactionTimeout(Duration.ofMillis(90_001))
                                        .restartAllowance(Duration.ofSeconds(60))
                                        .checkpointInterval(Duration.ofSeconds(30))
                                        .build())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> exactlyOnce().transactionTimeout(Duration.ZERO).build())
                .hasMessage("kafka sink: transaction-timeout must be positive, got 0ms");
    }

    @Test
    void atLeastOnceHasNoTransactionsToTime() {
        assertThatCode(
                        () ->
                                exactlyOnce()
                                        .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                                        .checkpointInterval(Duration.ofHours(1))
                                        .build())
                .doesNotThrowAnyException();
    }

    @Test
    void transactionTimeoutIsAnOptionNotAProducerProperty() {
        assertThatThrownBy(() -> exactlyOnce().producerProperty("transaction.timeout.ms", "60000"))
                .hasMessageContaining("transaction-timeout");
    }

    @Test
    void principalIsNamedWhereTheClientSettingsTell() {
        assertThat(KafkaSinkPreflight.of("h:1", Map.of()).principal()).isEqualTo("User:ANONYMOUS");
        assertThat(
                        KafkaSinkPreflight.of(
                                        "h:1",
                                        Map.of(
                                                "security.protocol",
                                                "SASL_SSL",
                                                "sasl.jaas.config",
                                                "org.apache.kafka.common.security.scram"
                                                        + ".ScramLoginModule required"
                                                        + " username=\"frameflow\""
                                                        + " password=\"x\";"))
                                .principal())
                .isEqualTo("User:frameflow");
        assertThat(KafkaSinkPreflight.of("h:1", Map.of("security.protocol", "SSL")).principal())
                .isNull();
    }

    @Test
    void durationsAreWrittenAsInPipelineFiles() {
        assertThat(TransactionTimeouts.format(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(TransactionTimeouts.format(Duration.ofMillis(200))).isEqualTo("200ms");
        assertThat(TransactionTimeouts.format(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
    }

    private static KafkaResultSink.Builder exactlyOnce() {
        return KafkaResultSink.builder()
                .bootstrapServers("127.0.0.1:9092")
                .topic("results")
                .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .transactionalIdPrefix("test");
    }

    private static TrackEvent event(long time) {
        return new TrackEvent(
                TrackEvent.Type.ZONE_ENTER,
                "gate-1",
                4,
                "person",
                12,
                time,
                "door",
                null,
                0,
                1,
                2,
                3,
                4);
    }
}
