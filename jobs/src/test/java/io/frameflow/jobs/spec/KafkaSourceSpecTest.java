package io.frameflow.jobs.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code kafka:} source entry of pipeline files. */
class KafkaSourceSpecTest {

    private static String pipeline(String sources) {
        return """
                name: cams
                sources:
                %s
                stages:
                  - detect: { model: nanodet-coco }
                sinks:
                  - jsonl: { path: out/ }
                """
                .formatted(sources.indent(2).stripTrailing());
    }

    private static PipelineSpec parse(String sources) {
        return PipelineSpecParser.parse(pipeline(sources), "p.yaml");
    }

    private static void rejects(String sources, String message) {
        assertThatThrownBy(() -> parse(sources))
                .isInstanceOf(PipelineSpecException.class)
                .hasMessage(message);
    }

    @Test
    void aKafkaEntryWithEveryKeyIsReadNextToAFileStream() {
        PipelineSpec spec =
                parse(
                        """
                        - uri: /videos/a.mp4
                        - kafka:
                            bootstrap: "k1:9092,k2:9092"
                            topic: cameras
                            group: lobby
                            start: earliest
                            max-gop-bytes: 4000000
                            streams: [ cam-1, cam-2 ]
                        """);

        KafkaSourceSpec k = spec.sources().get(1).kafka();
        assertThat(k.bootstrap()).isEqualTo("k1:9092,k2:9092");
        assertThat(k.topic()).isEqualTo("cameras");
        assertThat(k.group()).isEqualTo("lobby");
        assertThat(k.start()).isEqualTo(KafkaSourceSpec.Start.EARLIEST);
        assertThat(k.maxGopBytes()).isEqualTo(4_000_000L);
        assertThat(k.streams()).containsExactly("cam-1", "cam-2");
        assertThat(StreamIds.assign(spec.sources())).containsExactly("a", null);
    }

    @Test
    void onlyBootstrapAndTopicAreRequired() {
        KafkaSourceSpec k =
                parse("- kafka: { bootstrap: \"h:1\", topic: t }").sources().get(0).kafka();
        assertThat(k.group()).isNull();
        assertThat(k.start()).isNull();
        assertThat(k.streams()).isEqualTo(List.of());
    }

    @Test
    void aMissingTopicIsNamedWithItsLine() {
        rejects(
                "- kafka: { bootstrap: \"h:1\" }",
                "p.yaml: line 3: sources[0].kafka.topic: is required");
    }

    @Test
    void anUnknownKeyGetsASuggestion() {
        assertThatThrownBy(() -> parse("- kafka: { bootstrap: \"h:1\", topic: t, grup: g }"))
                .hasMessageContaining("line 3: sources[0].kafka: unknown key 'grup'")
                .hasMessageContaining("group");
    }

    @Test
    void aBadStartNamesTheValueAndTheValidOnes() {
        assertThatThrownBy(() -> parse("- kafka: { bootstrap: \"h:1\", topic: t, start: soon }"))
                .hasMessageContaining("sources[0].kafka.start: 'soon' is not one of")
                .hasMessageContaining("committed");
    }

    @Test
    void aGopBoundOutOfRangeIsRejected() {
        rejects(
                "- kafka: { bootstrap: \"h:1\", topic: t, max-gop-bytes: 10 }",
                "p.yaml: line 3: sources[0].kafka.max-gop-bytes: 10 must be between 1024 and"
                        + " 1073741824 bytes");
    }

    @Test
    void aBadStreamIdInTheFilterIsRejected() {
        rejects(
                "- kafka: { bootstrap: \"h:1\", topic: t, streams: [ \"a b\" ] }",
                "p.yaml: line 3: sources[0].kafka.streams[0]: 'a b' must be 1-128 letters, digits,"
                        + " '.', '_' or '-'");
    }

    @Test
    void uriAndKafkaInOneEntryAreRejected() {
        rejects(
                "- { uri: a.mp4, kafka: { bootstrap: \"h:1\", topic: t } }",
                "p.yaml: line 3: sources[0].uri: cannot be used with kafka in the same entry");
    }

    @Test
    void maxFramesDoesNotApplyToKafka() {
        rejects(
                "- { max-frames: 3, kafka: { bootstrap: \"h:1\", topic: t } }",
                "p.yaml: line 3: sources[0].max-frames: applies to uri sources; a kafka source's"
                        + " streams are its record keys");
    }

    @Test
    void liveKeysAndKeyframesOnlyDoNotApplyToKafka() {
        rejects(
                "- { stall-timeout: 5s, kafka: { bootstrap: \"h:1\", topic: t } }",
                "p.yaml: line 3: sources[0].stall-timeout: applies to live uri sources; a kafka"
                        + " source reads recorded packets");
        rejects(
                "- { sample: { keyframes-only: true }, kafka: { bootstrap: \"h:1\", topic: t } }",
                "p.yaml: line 3: sources[0].sample.keyframes-only: is not supported on a kafka"
                        + " source yet; use max-fps or every");
    }
}
