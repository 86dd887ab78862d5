package io.frameflow.it.bench;

import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import io.frameflow.common.serde.PacketItemTypeInfoFactory;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.H264Transcoder;
import io.frameflow.ingest.ffmpeg.PacketReader;
import io.frameflow.ingest.kafka.KafkaVideoSource;
import io.frameflow.ingest.kafka.PacketDecodeOptions;
import io.frameflow.ingest.kafka.PacketDecodeStage;
import io.frameflow.ingest.publish.PublishSummary;
import io.frameflow.ingest.publish.PublisherOptions;
import io.frameflow.ingest.publish.VideoPublisher;
import io.frameflow.ingest.uri.StreamUri;
import io.frameflow.it.kafka.KafkaBroker;
import io.frameflow.jobs.samples.SampleVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;

/**
 * Kafka ingest throughput: a 720p H.264 stream (sample:vtest.avi re-encoded to 1280x720, a keyframe
 * every 50 frames) is published in advance to a topic of a real broker (in-process KRaft, or
 * Docker) with FrameFlow's publisher, then read back by the Kafka source and decoded by the decode
 * step (one stream, parallelism 1, frames converted to BGR24 and discarded). Prints the publish
 * rate and the decode rate measured in the same run. Not a test; run it from the repository root
 * after {@code mvn -B -q -pl it -am test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}:
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED \
 *   -cp it/target/test-classes:it/target/classes:$(cat it/target/cp.txt) \
 *   io.frameflow.it.bench.KafkaIngestBenchmark [FRAMES]
 * </pre>
 */
public final class KafkaIngestBenchmark {
    private static final AtomicLong FRAMES_OUT = new AtomicLong();
    private static final AtomicLong FIRST_NANOS = new AtomicLong();
    private static final AtomicLong LAST_NANOS = new AtomicLong();

    private KafkaIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 795;
        Path dir = Files.createTempDirectory("kafka-ingest-bench");
        Path source =
                SampleVideos.resolve(
                        "sample:vtest.avi",
                        FrameflowCache.fromEnvironment(),
                        ProgressListener.NONE);
        Path clip = dir.resolve("vtest-720p.h264");
        H264Transcoder.Result encoded =
                H264Transcoder.transcode(
                        source, clip, H264Transcoder.Options.of(1280, 720, frames).withGop(50));
        System.out.printf(
                "clip: %d frames of 1280x720 H.264, %d keyframes, %.1f MB%n",
                encoded.frames(), encoded.keyframes(), Files.size(clip) / 1e6);
        try (KafkaBroker kafka = KafkaBroker.start()) {
            kafka.createTopic("video", 1);
            PublishSummary published = publish(kafka.bootstrapServers(), clip);
            System.out.printf(
                    "publish: %d packets in %.2f s = %.0f packets/s (%.1f Mbit/s)%n",
                    published.packets(),
                    published.elapsedNanos() / 1e9,
                    published.packetsPerSecond(),
                    published.megabitsPerSecond());
            decode(kafka.bootstrapServers(), encoded.frames());
        }
    }

    private static PublishSummary publish(String bootstrap, Path clip) throws Exception {
        try (VideoPublisher publisher =
                        new VideoPublisher(PublisherOptions.of(bootstrap, "video"));
                PacketReader reader =
                        new PacketReader(
                                "cam-720p",
                                StreamUri.parse(clip.toString()),
                                DecoderOptions.defaults())) {
            reader.open();
            return publisher.publish(reader, s -> {});
        }
    }

    private static void decode(String bootstrap, int frames) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        PacketDecodeStage.apply(
                        env.fromSource(
                                KafkaVideoSource.builder(bootstrap, "video")
                                        .start(KafkaVideoSource.Start.EARLIEST)
                                        .build(),
                                WatermarkStrategy.noWatermarks(),
                                "kafka-source",
                                PacketItemTypeInfoFactory.TYPE_INFO),
                        PacketDecodeOptions.defaults(),
                        "bench")
                .map(new FrameCounter())
                .addSink(new DiscardingSink<>());
        long start = System.nanoTime();
        JobClient job = env.executeAsync("kafka-ingest-benchmark");
        try {
            while (FRAMES_OUT.get() < frames) {
                Thread.sleep(20);
            }
        } finally {
            job.cancel().get();
        }
        double decodeSeconds = (LAST_NANOS.get() - FIRST_NANOS.get()) / 1e9;
        System.out.printf(
                "decode: %d frames in %.2f s from first to last frame = %.0f frames/s"
                        + " (%.2f s including job start)%n",
                FRAMES_OUT.get(),
                decodeSeconds,
                (FRAMES_OUT.get() - 1) / decodeSeconds,
                (LAST_NANOS.get() - start) / 1e9);
    }

    /** Counts decoded frames and notes when the first and the last came out. */
    private static final class FrameCounter implements MapFunction<StreamItem, Boolean> {
        @Override
        public Boolean map(StreamItem item) {
            if (item instanceof VideoFrame) {
                long now = System.nanoTime();
                FIRST_NANOS.compareAndSet(0, now);
                LAST_NANOS.set(now);
                FRAMES_OUT.incrementAndGet();
                return true;
            }
            return false;
        }
    }
}
