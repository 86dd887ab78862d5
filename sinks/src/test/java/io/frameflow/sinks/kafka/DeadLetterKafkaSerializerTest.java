package io.frameflow.sinks.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frameflow.common.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterKafkaSerializerTest {

    @Test
    void keyIsTheStreamAndValueIsTheDeadLetterJson() throws Exception {
        DeadLetter letter =
                new DeadLetter(
                        "gate-2",
                        118,
                        "decode",
                        "Invalid data (packet 118)",
                        false,
                        1_763_800_000_555L);

        ProducerRecord<byte[], byte[]> record =
                new DeadLetterKafkaSerializer("frameflow.dead-letters")
                        .serialize(letter, null, null);

        assertThat(record.topic()).isEqualTo("frameflow.dead-letters");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("gate-2");
        assertThat(record.timestamp()).isEqualTo(1_763_800_000_555L);
        JsonNode json = new ObjectMapper().readTree(record.value());
        assertThat(json.get("stream").asText()).isEqualTo("gate-2");
        assertThat(json.get("seq").asLong()).isEqualTo(118);
        assertThat(json.get("stage").asText()).isEqualTo("decode");
        assertThat(json.get("reason").asText()).isEqualTo("Invalid data (packet 118)");
        assertThat(json.get("fatal").asBoolean()).isFalse();
    }

    @Test
    void wholeStreamLettersHaveANullSeq() throws Exception {
        DeadLetter letter =
                new DeadLetter("cam", DeadLetter.WHOLE_STREAM, "open", "refused", true, 9);
        JsonNode json =
                new ObjectMapper()
                        .readTree(
                                new DeadLetterKafkaSerializer("t")
                                        .serialize(letter, null, null)
                                        .value());
        assertThat(json.get("seq").isNull()).isTrue();
        assertThat(json.get("fatal").asBoolean()).isTrue();
    }

    @Test
    void deadLetterTopicIsValidatedAndNamedAsSuch() {
        assertThatThrownBy(
                        () ->
                                KafkaResultSink.builder()
                                        .bootstrapServers("127.0.0.1:9092")
                                        .topic("results")
                                        .buildForDeadLetters("bad topic"))
                .hasMessageStartingWith("kafka sink: dead-letter topic 'bad topic' is not a valid");
    }
}
