package io.frameflow.jobs.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.FrameResult;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.PredictorFactory;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.source.LiveStreamOptions;
import io.frameflow.ingest.source.VideoSource;
import io.frameflow.ingest.source.VideoStreamSpec;
import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.time.EventTimeOptions;
import java.io.BufferedOutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's watermark with a camera that never sends a frame (a server that accepts and stays
 * silent) next to a file: with idleness the file's event time reaches the sink while the camera is
 * still silent; without it (idleness far beyond the run) the camera holds event time back.
 */
class SilentStreamWatermarkITCase {
    private static final int FRAMES = 120;
    private static final long FRAME_MILLIS = 40;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    /** (capture time, sink's current watermark) of each result. */
    static final List<long[]> SEEN = Collections.synchronizedList(new ArrayList<>());

    @TempDir Path dir;
    private ServerSocket silent;
    private final List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startSilentServer() throws Exception {
        silent = new ServerSocket(0);
        Thread acceptor =
                new Thread(
                        () -> {
                            try {
                                while (true) {
                                    accepted.add(silent.accept());
                                }
                            } catch (Exception ignored) {
                                // the socket was closed: the test is over
                            }
                        });
        acceptor.setDaemon(true);
        acceptor.start();
        SEEN.clear();
    }

    @AfterEach
    void stopSilentServer() throws Exception {
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void anIdleCameraDoesNotHoldBackTheOthers() throws Exception {
        run(Duration.ofMillis(300));

        assertThat(SEEN).hasSize(FRAMES);
        long lastCapture = (FRAMES - 1) * FRAME_MILLIS;
        // before the end of input (which sends the final watermark) event time moved on
        assertThat(SEEN.stream().mapToLong(s -> s[1]).max().getAsLong())
                .isGreaterThan(0)
                .isLessThan(lastCapture);
    }

    @Test
    void withoutIdlenessTheSilentCameraStallsEventTime() throws Exception {
        run(Duration.ofHours(1));

        assertThat(SEEN).hasSize(FRAMES);
        assertThat(SEEN).allSatisfy(s -> assertThat(s[1]).isEqualTo(Long.MIN_VALUE));
    }

    private void run(Duration idleness) throws Exception {
        Path clip = writeClip(dir.resolve("clip.y4m"));
        DecoderOptions cameraOptions =
                DecoderOptions.defaults().withOpenTimeout(Duration.ofSeconds(6));
        VideoSource source =
                VideoSource.builder()
                        .addStream(VideoStreamSpec.of("file", clip.toString()))
                        .addStream(
                                VideoStreamSpec.of(
                                                "camera",
                                                "http://127.0.0.1:"
                                                        + silent.getLocalPort()
                                                        + "/live")
                                        .withOptions(cameraOptions)
                                        // one attempt: the run ends when the camera gives up
                                        .withLive(LiveStreamOptions.defaults().withMaxAttempts(1)))
                        .build();
        FrameflowJob.Parts parts =
                new FrameflowJob.Parts(
                        source,
                        List.of(),
                        1,
                        new SlowFakeDetector(),
                        new BatchOptions(1, Duration.ZERO, 3),
                        List.of(new WatermarkRecorder()),
                        List.of(),
                        Map.of(),
                        new EventTimeOptions(Duration.ZERO, idleness));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setAutoWatermarkInterval(50);
        FrameflowJob.build(env, parts);
        env.execute("silent-stream");
    }

    /**
     * A YUV4MPEG2 clip (a text header, then raw 4:2:0 pictures), which FFmpeg reads as video
     * without any encoder: {@value #FRAMES} grey pictures of 64x48 at 25 fps.
     */
    private static Path writeClip(Path file) throws Exception {
        String header = "YUV4MPEG2 W64 H48 F" + (1000 / FRAME_MILLIS) + ":1 Ip A1:1 C420jpeg\n";
        byte[] picture = new byte[64 * 48 * 3 / 2];
        Arrays.fill(picture, (byte) 128);
        try (var out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < FRAMES; i++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(picture);
            }
        }
        return file;
    }

    /** Finds nothing, taking 10 ms per frame, so that the file lasts longer than the idleness. */
    static final class SlowFakeDetector
            implements PredictorFactory<BgrImage, List<DetectedObject>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Predictor<BgrImage, List<DetectedObject>> create() {
            return new Predictor<>() {
                @Override
                public List<List<DetectedObject>> predict(List<BgrImage> inputs) {
                    try {
                        Thread.sleep(10L * inputs.size());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                    return Collections.nCopies(inputs.size(), List.of());
                }

                @Override
                public String modelId() {
                    return SlowFakeDetector.this.modelId();
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public String modelId() {
            return "nothing@1";
        }
    }

    static final class WatermarkRecorder implements Sink<FrameResult> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<FrameResult> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(FrameResult result, Context ctx) {
                    SEEN.add(new long[] {result.captureTimeMillis(), ctx.currentWatermark()});
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
