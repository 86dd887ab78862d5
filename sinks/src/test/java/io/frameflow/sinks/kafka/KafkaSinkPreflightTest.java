package io.frameflow.sinks.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The startup check without a cluster; with one, see the it module's KafkaSinkPermissionITCase. */
class KafkaSinkPreflightTest {

    @Test
    void anUnreachableClusterIsNamedWithItsAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String servers = "127.0.0.1:" + port;
        assertThatThrownBy(
                        () ->
                                KafkaSinkPreflight.of(servers, Map.of())
                                        .timeout(Duration.ofSeconds(2))
                                        .check(List.of("results")))
                .isInstanceOf(KafkaSinkCheckException.class)
                .hasMessageStartingWith(
                        "kafka sink: cannot reach Kafka at " + servers + " within 2s (");
    }
}
