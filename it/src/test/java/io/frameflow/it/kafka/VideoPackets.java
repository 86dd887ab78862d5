package io.frameflow.it.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.EncodedPacket;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.H264Transcoder;
import io.frameflow.ingest.ffmpeg.PacketReader;
import io.frameflow.ingest.kafka.PacketRecords;
import io.frameflow.ingest.uri.StreamUri;
import io.frameflow.jobs.samples.SampleVideos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Real encoded video for Kafka tests: the sample clip as H.264 packets, and a producer that puts
 * them on a topic in FrameFlow's record format, as {@code frameflow publish} does.
 */
public final class VideoPackets {
    private VideoPackets() {}

    /**
     * The first {@code frames} frames of the sample clip (vtest.avi) as a {@code width}x{@code
     * height} H.264 clip with a keyframe every {@code gop} frames, as packets.
     */
    public static List<EncodedPacket> encode(Path dir, int width, int height, int frames, int gop)
            throws Exception {
        Path source =
                SampleVideos.resolve(
                        "sample:vtest.avi",
                        FrameflowCache.fromEnvironment(),
                        ProgressListener.NONE);
        Path clip = dir.resolve("clip-" + width + "x" + height + "-" + gop + ".h264");
        H264Transcoder.transcode(
                source, clip, H264Transcoder.Options.of(width, height, frames).withGop(gop));
        List<EncodedPacket> packets = new ArrayList<>();
        try (PacketReader reader =
                new PacketReader(
                        "clip", StreamUri.parse(clip.toString()), DecoderOptions.defaults())) {
            reader.open();
            for (EncodedPacket p = reader.next(); p != null; p = reader.next()) {
                packets.add(p);
            }
        }
        assertThat(packets).hasSize(frames);
        return packets;
    }

    /**
     * Publishes {@code packets} once for each of {@code streams} (the same pictures under each
     * stream id), frame by frame across the streams, pausing {@code pauseMillis} after each frame
     * (0 for none), with an idempotent producer.
     */
    public static void publish(
            String bootstrap,
            String topic,
            List<EncodedPacket> packets,
            List<String> streams,
            long pauseMillis)
            throws InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (EncodedPacket p : packets) {
                for (String stream : streams) {
                    EncodedPacket q =
                            EncodedPacket.whole(
                                    stream,
                                    p.seq(),
                                    p.codec(),
                                    p.ptsMicros(),
                                    p.captureTimeMillis(),
                                    p.timeSource(),
                                    p.keyframe(),
                                    p.codecParams(),
                                    p.data());
                    for (ProducerRecord<byte[], byte[]> r :
                            PacketRecords.toRecords(topic, q, 1 << 20)) {
                        producer.send(r);
                    }
                }
                if (pauseMillis > 0) {
                    producer.flush();
                    Thread.sleep(pauseMillis);
                }
            }
            producer.flush();
        }
    }
}
