package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.it.rtsp.RtspTestServer;
import io.frameflow.it.rtsp.RtspTestServer.Transports;
import io.frameflow.jobs.samples.SampleVideos;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline file's {@code rtsp-transport} reaches the camera: against a real RTSP server that
 * offers its media over UDP only, a stream set to {@code udp} plays, and one left at the default
 * ({@code tcp}) is refused by the server and fails alone with the reason.
 */
class RtspTransportITCase {
    private static RtspTestServer udpOnly;

    @TempDir Path dir;

    @BeforeAll
    static void startServer() {
        Path vtest =
                SampleVideos.resolve(
                        "sample:vtest.avi",
                        FrameflowCache.fromEnvironment(),
                        ProgressListener.NONE);
        udpOnly =
                RtspTestServer.create(
                                RtspTestServer.Options.of(vtest)
                                        .withSize(320, 240)
                                        .withTransports(Transports.UDP))
                        .start();
    }

    @AfterAll
    static void stopServer() {
        if (udpOnly != null) {
            udpOnly.close();
        }
    }

    private Cli.Result run(String transport) {
        Path pipeline =
                Cli.pipeline(
                        dir,
                        """
                        name: transport
                        sources:
                          - id: cam
                            uri: "%s"
                            rtsp-transport: %s
                            max-frames: 20
                            reconnect: { max-attempts: 1 }
                        stages:
                          - detect: { model: nanodet-coco }
                        sinks:
                          - jsonl: { path: %s }
                        """
                                .formatted(udpOnly.url(), transport, dir.resolve("out")));
        return Cli.run("run", pipeline.toString());
    }

    @Test
    void udpPlaysFromAServerThatOffersOnlyUdp() {
        Cli.Result run = run("udp");

        assertThat(run.exit()).as(run.toString()).isZero();
        List<JsonNode> results = Cli.readJsonLines(dir.resolve("out"));
        // UDP may lose a packet on a busy machine, and a lost packet costs its frame
        assertThat(results).as(run.toString()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(results)
                .allSatisfy(
                        r -> {
                            assertThat(r.get("stream").asText()).isEqualTo("cam");
                            assertThat(r.get("width").asInt()).isEqualTo(320);
                            assertThat(r.get("seq").asLong()).isLessThan(20);
                        });
    }

    @Test
    void tcpIsRefusedByAUdpOnlyServerAndTheStreamFailsAlone() {
        Cli.Result run = run("tcp");

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("frameflow: error: stream 'cam'");
        assertThat(Cli.readJsonLines(dir.resolve("out"))).isEmpty();
        List<JsonNode> deadLetters = Cli.readJsonLines(dir.resolve("out/dead-letters"));
        assertThat(deadLetters).isNotEmpty();
        JsonNode last = deadLetters.get(deadLetters.size() - 1);
        assertThat(last.get("fatal").asBoolean()).isTrue();
        // FFmpeg's word for the server's "461 Unsupported transport" answer to SETUP
        assertThat(last.get("reason").asText()).contains("Protocol not supported");
    }
}
