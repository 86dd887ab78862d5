package io.frameflow.it.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.source.LiveStreamOptions;
import io.frameflow.ingest.source.StreamState;
import io.frameflow.ingest.source.VideoSource;
import io.frameflow.ingest.source.VideoStreamMetrics;
import io.frameflow.ingest.source.VideoStreamSpec;
import io.frameflow.jobs.samples.SampleVideos;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live RTSP streams in a Flink job on a MiniCluster, against a real RTSP server that is killed and
 * started again mid-run, next to cameras that never answer: the job stays up, the killed camera
 * comes back with the outage visible in its sequence numbers, state log and metrics, and the dead
 * cameras fail alone with dead letters. No password ever shows.
 */
@Timeout(120)
class RtspReconnectITCase {
    private static final String SECRET = "s3cret-pw";
    private static final String JOB = "rtsp-reconnect";
    // at 10 fps: 2 s before the kill, an outage of 4-8 s (3 s down, the server's start, the
    // backoff, the next keyframe) that skips as many frame numbers, then several seconds more
    private static final long FRAME_LIMIT = 150;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(RetainingMetricReporter.configuration())
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static RtspTestServer server;

    @BeforeAll
    static void startServer() {
        Path vtest =
                SampleVideos.resolve(
                        "sample:vtest.avi",
                        FrameflowCache.fromEnvironment(),
                        ProgressListener.NONE);
        server = RtspTestServer.create(RtspTestServer.Options.of(vtest).withSize(320, 240));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * A frame as "cam:seq", with "@" and its age in milliseconds (now minus capture time) when its
     * capture time is the camera's clock; a dead letter as "!" + its description. Small, no pixels.
     */
    private static String summary(StreamItem item) {
        return item instanceof VideoFrame f
                ? f.streamId()
                        + ":"
                        + f.seq()
                        + (f.timeSource() == TimeSource.SENDER_REPORT
                                ? "@" + (System.currentTimeMillis() - f.captureTimeMillis())
                                : "")
                : "!"
                        + (((DeadLetter) item).fatal() ? "fatal " : "")
                        + ((DeadLetter) item).describe();
    }

    @Test
    void aKilledServerComesBackAndDeadCamerasFailAloneWhileTheJobRuns() throws Exception {
        LiveStreamOptions quick =
                LiveStreamOptions.defaults()
                        .withDelays(Duration.ofMillis(200), Duration.ofSeconds(1))
                        .withStallTimeout(Duration.ofSeconds(2))
                        .withBuffer(8);
        DecoderOptions shortOpen = DecoderOptions.defaults().withOpenTimeout(Duration.ofSeconds(1));
        try (SilentTcpListener silent = new SilentTcpListener()) {
            VideoSource source =
                    VideoSource.builder()
                            .addStream(
                                    VideoStreamSpec.of("cam", server.url("viewer:" + SECRET))
                                            .withMaxFrames(FRAME_LIMIT)
                                            .withLive(quick))
                            .addStream(
                                    VideoStreamSpec.of(
                                                    "gate",
                                                    "rtsp://viewer:"
                                                            + SECRET
                                                            + "@127.0.0.1:"
                                                            + closedPort()
                                                            + "/gate")
                                            .withLive(quick.withMaxAttempts(3)))
                            .addStream(
                                    VideoStreamSpec.of(
                                                    "mute",
                                                    "rtsp://viewer:"
                                                            + SECRET
                                                            + "@127.0.0.1:"
                                                            + silent.port()
                                                            + "/mute")
                                            .withOptions(shortOpen)
                                            .withLive(quick.withMaxAttempts(2)))
                            .build();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            CloseableIterator<String> items =
                    env.fromSource(source, WatermarkStrategy.noWatermarks(), "video")
                            .map(RtspReconnectITCase::summary)
                            .returns(Types.STRING)
                            .collectAsync();
            JobClient job = env.executeAsync(JOB);

            List<String> seen = new ArrayList<>();
            long camFrames = 0;
            boolean killed = false;
            while (items.hasNext()) {
                String item = items.next();
                seen.add(item);
                if (item.startsWith("cam:") && ++camFrames == 20 && !killed) {
                    killed = true;
                    server.stop();
                    Thread.sleep(3_000);
                    server.start();
                }
            }
            job.getJobExecutionResult().get();

            List<Long> cam =
                    seen.stream()
                            .filter(s -> s.startsWith("cam:"))
                            .map(s -> Long.parseLong(s.substring(4).split("@")[0]))
                            .toList();
            assertThat(cam).isSorted().doesNotHaveDuplicates();
            // the camera runs on this machine's clock: once its RTCP sender reports are in, a
            // frame's capture time is its clock's, a little before now, on both connections (a
            // mapping through smoothed timestamps drifted by 100 ms per second here)
            List<Long> ages =
                    seen.stream()
                            .filter(s -> s.startsWith("cam:") && s.contains("@"))
                            .map(s -> Long.parseLong(s.substring(s.indexOf('@') + 1)))
                            .toList();
            assertThat(ages).as("sender-report frames").hasSizeGreaterThan(10);
            assertThat(ages).allSatisfy(age -> assertThat(age).isBetween(-300L, 3_000L));
            long widestGap = 0;
            int gapAt = -1;
            for (int i = 1; i < cam.size(); i++) {
                if (cam.get(i) - cam.get(i - 1) > widestGap) {
                    widestGap = cam.get(i) - cam.get(i - 1);
                    gapAt = i;
                }
            }
            // 3 s without a server at 10 fps: about 30 frame slots, plus the reconnect
            assertThat(widestGap).as("the outage in %s", cam).isGreaterThanOrEqualTo(20);
            assertThat(cam.size() - gapAt).as("frames after the outage").isGreaterThanOrEqualTo(5);
            assertThat(cam.get(cam.size() - 1)).isLessThan(FRAME_LIMIT);

            assertThat(counter(JOB, "cam", VideoStreamMetrics.RECONNECTS))
                    .isGreaterThanOrEqualTo(1);
            assertThat(state(JOB, "cam")).isEqualTo(StreamState.FINISHED.code());
            assertThat(state(JOB, "gate")).isEqualTo(StreamState.FAILED.code());
            assertThat(state(JOB, "mute")).isEqualTo(StreamState.FAILED.code());
            assertThat(counter(JOB, "gate", VideoStreamMetrics.RECONNECTS)).isEqualTo(2);

            // the outage went through BACKING_OFF: a dead letter says so and names the wait
            assertThat(seen)
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith("!stream 'cam' (")
                                            .contains("rtsp://viewer:***@127.0.0.1:")
                                            .contains("; reconnecting in "));
            assertThat(seen.stream().filter(s -> s.startsWith("!stream 'gate'")))
                    .hasSize(2)
                    .allSatisfy(s -> assertThat(s).contains("Connection refused; reconnecting in"));
            assertThat(seen)
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith("!fatal stream 'gate' (open): cannot open")
                                            .endsWith("gave up after 3 failed attempts in a row"));
            assertThat(seen)
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith("!fatal stream 'mute' (open): cannot open")
                                            .contains("no answer within 1 s (open-timeout)"));
            assertThat(seen).noneMatch(s -> s.contains(SECRET));
        }
    }

    private static Metric metric(String job, String stream, String name) {
        Map<String, Metric> metrics = RetainingMetricReporter.metrics();
        String suffix = "." + VideoStreamMetrics.GROUP + "." + stream + "." + name;
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().contains("." + job + ".") && e.getKey().endsWith(suffix))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no metric *" + suffix + " in " + metrics.keySet()));
    }

    private static long counter(String job, String stream, String name) {
        return ((Counter) metric(job, stream, name)).getCount();
    }

    private static int state(String job, String stream) {
        return (Integer) ((Gauge<?>) metric(job, stream, VideoStreamMetrics.STATE)).getValue();
    }
}
