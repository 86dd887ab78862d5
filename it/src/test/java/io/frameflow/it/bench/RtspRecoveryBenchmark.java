package io.frameflow.it.bench;

import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.ingest.source.LiveStreamOptions;
import io.frameflow.ingest.source.VideoSplit;
import io.frameflow.ingest.source.VideoSplitReader;
import io.frameflow.ingest.source.VideoStreamSpec;
import io.frameflow.it.rtsp.RtspTestServer;
import io.frameflow.jobs.samples.SampleVideos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;

/**
 * Measures how long a live RTSP stream takes to deliver frames again after its server comes back:
 * from the moment the restarted server listens to the first frame out of the source's split reader,
 * over several kill/restart rounds. The baseline, in the same run: a fresh reader's first frame
 * after the server is already up (connect, probe and wait for a keyframe, no backoff).
 *
 * <pre>
 * mvn -B -q -pl it -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED \
 *     -cp it/target/test-classes:it/target/classes:$(cat it/target/cp.txt) \
 *     io.frameflow.it.bench.RtspRecoveryBenchmark [ROUNDS] [OUTAGE_MS]
 * </pre>
 */
public final class RtspRecoveryBenchmark {
    private static final LiveStreamOptions LIVE =
            LiveStreamOptions.defaults()
                    .withDelays(Duration.ofMillis(200), Duration.ofSeconds(1))
                    .withStallTimeout(Duration.ofSeconds(2));

    private RtspRecoveryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        long outageMillis = args.length > 1 ? Long.parseLong(args[1]) : 2_000;
        Path vtest =
                SampleVideos.resolve(
                        "sample:vtest.avi",
                        FrameflowCache.fromEnvironment(),
                        ProgressListener.NONE);
        List<Double> baseline = new ArrayList<>();
        List<Double> recovery = new ArrayList<>();
        try (RtspTestServer server =
                RtspTestServer.create(RtspTestServer.Options.of(vtest).withSize(1280, 720))) {
            server.start();
            for (int i = 0; i < rounds; i++) {
                try (Frames frames = new Frames(server.url(), "fresh-" + i)) {
                    long t0 = System.nanoTime();
                    frames.next(Duration.ofSeconds(30));
                    baseline.add((System.nanoTime() - t0) / 1e6);
                }
            }
            try (Frames frames = new Frames(server.url(), "cam")) {
                frames.next(Duration.ofSeconds(30));
                for (int i = 0; i < rounds; i++) {
                    server.stop();
                    Thread.sleep(outageMillis);
                    frames.clear();
                    server.start();
                    long t0 = System.nanoTime();
                    frames.next(Duration.ofSeconds(30));
                    recovery.add((System.nanoTime() - t0) / 1e6);
                    // let it run a little, as a camera would between outages
                    Thread.sleep(1_000);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "RTSP 1280x720 H.264 10 fps, gop 10, TCP; backoff %s..%s; outage %d ms; %d"
                        + " rounds%n",
                LIVE.initialDelay(),
                LIVE.maxDelay(),
                outageMillis,
                rounds);
        print("baseline: fresh connect to first frame", baseline);
        print("recovery: server back to first frame", recovery);
    }

    private static void print(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-42s median %7.0f ms   max %7.0f ms   all %s%n",
                what,
                sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1),
                millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList());
    }

    /** A split reader on its own thread, handing over the frames it fetches. */
    private static final class Frames implements AutoCloseable {
        private final VideoSplitReader reader = new VideoSplitReader(System::currentTimeMillis);
        private final LinkedBlockingQueue<VideoFrame> frames = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile boolean running = true;

        Frames(String url, String id) {
            reader.handleSplitsChanges(
                    new SplitsAddition<>(
                            List.of(
                                    VideoSplit.atStart(
                                            VideoStreamSpec.of(id, url).withLive(LIVE)))));
            thread = new Thread(this::fetchLoop, "bench-fetch-" + id);
            thread.start();
        }

        private void fetchLoop() {
            while (running) {
                RecordsWithSplitIds<StreamItem> records = reader.fetch();
                while (records.nextSplit() != null) {
                    for (StreamItem item; (item = records.nextRecordFromSplit()) != null; ) {
                        if (item instanceof VideoFrame f) {
                            frames.add(f);
                        }
                    }
                }
                records.recycle();
            }
        }

        void clear() {
            frames.clear();
        }

        VideoFrame next(Duration timeout) throws InterruptedException {
            VideoFrame f = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) {
                throw new IllegalStateException("no frame within " + timeout);
            }
            return f;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            reader.wakeUp();
            thread.join();
            reader.close();
        }
    }
}
