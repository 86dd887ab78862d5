package io.frameflow.jobs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The live stream keys of a source: reconnect, stall-timeout, buffer, rtsp-transport. */
class LiveSourceKeysTest {
    static final String LIVE =
            """
            name: cams
            sources:
              - uri: rtsp://cam/live
                reconnect:
                  initial-delay: 200ms
                  max-delay: 10s
                  max-attempts: 5
                  reset-after: 30s
                stall-timeout: 3s
                buffer: 2
                rtsp-transport: udp
            stages:
              - detect: { model: nanodet-coco }
            sinks:
              - jsonl: { path: out/ }
            """;

    private static String fail(String yaml) {
        return assertThrows(
                        PipelineSpecException.class, () -> PipelineSpecParser.parse(yaml, "p.yaml"))
                .getMessage();
    }

    @Test
    void parsesEveryLiveKey() {
        SourceSpec s = PipelineSpecParser.parse(LIVE, "p.yaml").sources().get(0);
        assertEquals(Duration.ofMillis(200), s.reconnect().initialDelay().duration());
        assertEquals(Duration.ofSeconds(10), s.reconnect().maxDelay().duration());
        assertEquals(5, s.reconnect().maxAttempts());
        assertEquals(Duration.ofSeconds(30), s.reconnect().resetAfter().duration());
        assertEquals(Duration.ofSeconds(3), s.stallTimeout().duration());
        assertEquals(2, s.buffer());
        assertEquals("udp", s.rtspTransport());
    }

    @Test
    void everyLiveKeyIsOptional() {
        SourceSpec s =
                PipelineSpecParser.parse(
                                LIVE.replaceAll("(?s)    reconnect:.*rtsp-transport: udp\n", ""),
                                "p.yaml")
                        .sources()
                        .get(0);
        assertNull(s.reconnect());
        assertNull(s.stallTimeout());
        assertNull(s.buffer());
        assertNull(s.rtspTransport());
    }

    @Test
    void aMistypedReconnectKeyIsNamedWithASuggestion() {
        assertEquals(
                "p.yaml: line 7: sources[0].reconnect: unknown key 'max-atempts' (did you mean"
                        + " 'max-attempts'?)",
                fail(LIVE.replace("max-attempts:", "max-atempts:")));
        assertEquals(
                "p.yaml: line 9: sources[0]: unknown key 'stall-timout' (did you mean"
                        + " 'stall-timeout'?)",
                fail(LIVE.replace("stall-timeout:", "stall-timout:")));
    }

    @Test
    void badValuesNameTheLineTheKeyAndWhatIsValid() {
        assertEquals(
                "p.yaml: line 11: sources[0].rtsp-transport: 'quic' must be one of: tcp, udp",
                fail(LIVE.replace("rtsp-transport: udp", "rtsp-transport: quic")));
        assertEquals(
                "p.yaml: line 10: sources[0].buffer: 0 must be between 1 and 1024 frames",
                fail(LIVE.replace("buffer: 2", "buffer: 0")));
        assertEquals(
                "p.yaml: line 6: sources[0].reconnect.max-delay: 100ms must be at least"
                        + " initial-delay (200ms)",
                fail(LIVE.replace("max-delay: 10s", "max-delay: 100ms")));
        assertEquals(
                "p.yaml: line 7: sources[0].reconnect.max-attempts: -1 must be >= 0 (0 retries"
                        + " forever)",
                fail(LIVE.replace("max-attempts: 5", "max-attempts: -1")));
        assertEquals(
                "p.yaml: line 9: sources[0].stall-timeout: 0s must be longer than 0",
                fail(LIVE.replace("stall-timeout: 3s", "stall-timeout: 0s")));
        assertEquals(
                "p.yaml: line 6: sources[0].reconnect.max-delay: 2h is too long; at most 1h",
                fail(LIVE.replace("max-delay: 10s", "max-delay: 2h")));
        assertEquals(
                "p.yaml: line 5: sources[0].reconnect.initial-delay: 'soon' is not a duration;"
                        + " write a number and a unit: 50ms, 10s, 5m, 1h",
                fail(LIVE.replace("initial-delay: 200ms", "initial-delay: soon")));
    }
}
