package io.frameflow.sinks.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class FrameResultKafkaSerializerTest {

    private static FrameResult result(TimeSource source, long capture) {
        return new FrameResult(
                "lobby", 7, 700_000, capture, source, 640, 480, false, "m@1", List.of());
    }

    @Test
    void keyIsTheStreamAndValueIsTheJsonResult() throws Exception {
        ProducerRecord<byte[], byte[]> record =
                new FrameResultKafkaSerializer("frameflow.results")
                        .serialize(result(TimeSource.ARRIVAL, 1_763_800_000_123L), null, null);
        assertEquals("frameflow.results", record.topic());
        assertEquals("lobby", new String(record.key(), StandardCharsets.UTF_8));
        assertEquals(7, new ObjectMapper().readTree(record.value()).get("seq").asLong());
        assertEquals(1_763_800_000_123L, record.timestamp());
    }

    @Test
    void mediaTimeIsNotUsedAsRecordTimestamp() {
        ProducerRecord<byte[], byte[]> record =
                new FrameResultKafkaSerializer("t")
                        .serialize(result(TimeSource.MEDIA, 700), null, null);
        assertNull(record.timestamp(), "a 1970 timestamp would be deleted by retention");
    }

    @Test
    void builderNamesTheBadOption() {
        IllegalArgumentException noBootstrap =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> KafkaResultSink.builder().topic("t").build());
        assertTrue(noBootstrap.getMessage().contains("'bootstrap'"), noBootstrap.getMessage());

        IllegalArgumentException badServer =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                KafkaResultSink.builder()
                                        .bootstrapServers("localhost")
                                        .topic("t")
                                        .build());
        assertEquals(
                "kafka sink: bootstrap server 'localhost' is not host:port",
                badServer.getMessage());

        IllegalArgumentException badTopic =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                KafkaResultSink.builder()
                                        .bootstrapServers("127.0.0.1:9092")
                                        .topic("results/all")
                                        .build());
        assertTrue(badTopic.getMessage().contains("'results/all'"), badTopic.getMessage());
    }
}
