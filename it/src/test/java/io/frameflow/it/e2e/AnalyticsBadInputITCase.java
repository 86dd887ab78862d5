package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad analytics settings and sinks that cannot be reached, through the real command line: each case
 * ends with one error line naming the problem, exit status 2, and no job started.
 */
class AnalyticsBadInputITCase {
    @TempDir Path dir;

    private static final String PIPELINE =
            """
            name: bad-analytics
            sources:
              - uri: sample:vtest.avi
                max-frames: 5
            stages:
              - detect: { model: nanodet-coco }
            analytics:
              windows: [{ tumbling: %s }]
              zones:
                - id: door
                  polygon: %s
            sinks:
              - %s
            """;

    private static final String SQUARE = "[[0, 0], [100, 0], [100, 100], [0, 100]]";

    private Cli.Result run(String window, String polygon, String sink) {
        Path file =
                Cli.pipeline(
                        dir,
                        PIPELINE.formatted(
                                window,
                                polygon,
                                sink.replace("OUT", dir.resolve("out").toString())));
        return Cli.run("run", file.toString());
    }

    private static String errorLine(Cli.Result run) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        List<String> errors =
                run.err().lines().filter(l -> l.startsWith("frameflow: error: ")).toList();
        assertThat(errors).as(run.toString()).hasSize(1);
        assertThat(run.out()).as("no report of a job that never ran").doesNotContain("Analysed");
        return errors.get(0).substring("frameflow: error: ".length());
    }

    /** A local port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aZoneThatIsNotAPolygon() {
        assertThat(
                        errorLine(
                                run(
                                        "10s",
                                        "[[0, 0], [100, 100], [100, 0], [0, 100]]",
                                        "jsonl: { path: OUT }")))
                .isEqualTo(
                        "pipeline.yaml: line 11: analytics.zones[0].polygon: zone 'door': edges"
                                + " [0.0, 0.0]-[100.0, 100.0] and [100.0, 0.0]-[0.0, 100.0] cross:"
                                + " the corners do not outline a simple polygon");
    }

    @Test
    void aWindowSizeOfZero() {
        assertThat(errorLine(run("0s", SQUARE, "jsonl: { path: OUT }")))
                .isEqualTo(
                        "pipeline.yaml: line 8: analytics.windows[0].tumbling: a window size of 0s"
                                + " is empty; use a duration above 0, e.g. 10s");
    }

    @Test
    void anUnreachableDatabase() throws IOException {
        int port = closedPort();
        assertThat(
                        errorLine(
                                run(
                                        "10s",
                                        SQUARE,
                                        "postgres: { url: \"jdbc:postgresql://127.0.0.1:"
                                                + port
                                                + "/frameflow\", user: frameflow,"
                                                + " connect-timeout: 2s }")))
                .startsWith(
                        "pipeline.yaml: sinks[0].postgres: postgres sink: cannot connect to"
                                + " 127.0.0.1:"
                                + port
                                + "/frameflow")
                .contains("Connection refused");
    }

    @Test
    void anUnreachableMqttBroker() throws IOException {
        int port = closedPort();
        assertThat(
                        errorLine(
                                run(
                                        "10s",
                                        SQUARE,
                                        "mqtt: { broker: \"tcp://127.0.0.1:"
                                                + port
                                                + "\", connect-timeout: 2s }")))
                .startsWith(
                        "pipeline.yaml: sinks[0].mqtt: mqtt sink: cannot connect to broker"
                                + " tcp://127.0.0.1:"
                                + port);
    }
}
