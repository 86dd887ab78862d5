package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecoderOptionsTest {

    @Test
    void defaultsAreDocumentedValues() {
        DecoderOptions d = DecoderOptions.defaults();
        assertThat(d.openTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.decoderThreads()).isZero();
        assertThat(d.maxConsecutiveErrors()).isEqualTo(100);
        assertThat(d.rtspTransport()).isEqualTo(DecoderOptions.RtspTransport.TCP);
        assertThat(d.keyframesOnly()).isFalse();
    }

    @Test
    void readsEveryKeyFromAMap() {
        DecoderOptions d =
                DecoderOptions.fromMap(
                        Map.of(
                                "open-timeout", "1500ms",
                                "read-timeout", "PT3S",
                                "decoder-threads", "2",
                                "max-consecutive-errors", "7",
                                "rtsp-transport", "udp",
                                "keyframes-only", "true"));
        assertThat(d)
                .isEqualTo(
                        new DecoderOptions(
                                Duration.ofMillis(1500),
                                Duration.ofSeconds(3),
                                2,
                                7,
                                DecoderOptions.RtspTransport.UDP,
                                true));
        assertThat(DecoderOptions.fromMap(Map.of("open-timeout", "2m")).openTimeout())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsValid() {
        assertThatThrownBy(() -> DecoderOptions.defaults().withDecoderThreads(-1))
                .hasMessage(
                        "invalid decoder option 'decoder-threads' = -1; expected 0 (one per core)"
                                + " to 64");
        assertThatThrownBy(() -> DecoderOptions.defaults().withReadTimeout(Duration.ZERO))
                .hasMessage(
                        "invalid decoder option 'read-timeout' = PT0S; expected a duration above 0"
                                + " and at most PT1H");
        assertThatThrownBy(() -> DecoderOptions.defaults().withMaxConsecutiveErrors(0))
                .hasMessage(
                        "invalid decoder option 'max-consecutive-errors' = 0; expected 1 or more");
        assertThatThrownBy(() -> DecoderOptions.fromMap(Map.of("open-timeout", "soon")))
                .hasMessage(
                        "invalid decoder option 'open-timeout' = 'soon'; expected a duration such"
                                + " as 500ms, 5s, 1m or PT5S");
        assertThatThrownBy(() -> DecoderOptions.fromMap(Map.of("rtsp-transport", "sctp")))
                .hasMessage(
                        "invalid decoder option 'rtsp-transport' = 'sctp'; expected tcp or udp");
        assertThatThrownBy(() -> DecoderOptions.fromMap(Map.of("keyframes-only", "yes")))
                .hasMessage(
                        "invalid decoder option 'keyframes-only' = 'yes'; expected true or false");
        assertThatThrownBy(() -> DecoderOptions.fromMap(Map.of("decoder-threads", "two")))
                .hasMessage(
                        "invalid decoder option 'decoder-threads' = 'two'; expected a whole number");
        assertThatThrownBy(() -> DecoderOptions.fromMap(Map.of("threads", "2")))
                .hasMessage(
                        "unknown decoder option 'threads'; known options: open-timeout,"
                                + " read-timeout, decoder-threads, max-consecutive-errors,"
                                + " rtsp-transport, keyframes-only");
    }
}
